"""One window per database: never two writers. A second start hands its request (show the
window, or import a file) to the running one and exits."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 1000


def _server_name(db_path: Path) -> str:
    digest = hashlib.sha1(str(db_path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"kh65-{digest}"


class SingleInstance(QObject):
    """Holds the lock on a database and listens for later starts."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.name = _server_name(db_path)
        self.lock = QLockFile(str(db_path.with_suffix(".lock")))
        self.lock.setStaleLockTime(0)  # a lock left by a crashed app is detected by its PID
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this is the only app on the database."""
        return self.lock.tryLock(100)

    def listen(self, on_message: Callable[[str], None]) -> None:
        """Receive "show" or "import <path>" from later starts."""
        QLocalServer.removeServer(self.name)  # a name left by a crash
        self.server = QLocalServer(self)
        self.server.listen(self.name)

        def accept() -> None:
            assert self.server is not None
            socket = self.server.nextPendingConnection()
            if socket.waitForReadyRead(WAIT_MS):
                on_message(bytes(socket.readAll().data()).decode("utf-8"))
            socket.disconnectFromServer()

        self.server.newConnection.connect(accept)

    def send(self, message: str) -> bool:
        """Ask the running app to do something; False if it cannot be reached."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(message.encode("utf-8"))
        sent = socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()
