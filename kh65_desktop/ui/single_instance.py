"""One window per database: never two writers. A second start hands its request (show the
window, or import a file) to the running one and exits. The lock itself is storage's
DatabaseLock, which the command line takes too."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..storage.db_lock import WINDOW, DatabaseLock

WAIT_MS = 1000


def _server_name(db_path: Path) -> str:
    digest = hashlib.sha1(str(db_path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"kh65-{digest}"


class SingleInstance(QObject):
    """Holds the lock on a database and listens for later starts."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.name = _server_name(db_path)
        self.lock = DatabaseLock(db_path)  # released by the system if the app dies
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this is the only app on the database (no window, no writing command).
        OSError if the lock file cannot be made beside the database."""
        return self.lock.acquire(WINDOW)

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
        self.lock.release()
