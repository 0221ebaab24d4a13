"""The app's settings with their defaults, in one place (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


class AppSettings:
    """Typed access to QSettings; tests hand in an INI file of their own."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings("KH65", "KH65 Desktop")

    def _text(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return str(value) if value is not None else default

    @property
    def clerk_name(self) -> str:
        return self._text("clerk/name")

    @clerk_name.setter
    def clerk_name(self, name: str) -> None:
        self.store.setValue("clerk/name", name.strip())

    @property
    def clerk_agency(self) -> str:
        """The clerk's agency code ("" until chosen)."""
        return self._text("clerk/agency")

    @clerk_agency.setter
    def clerk_agency(self, code: str) -> None:
        self.store.setValue("clerk/agency", code)

    @property
    def language(self) -> str:
        lang = self._text("ui/language", "vi")
        return lang if lang in LANGUAGES else "vi"

    @language.setter
    def language(self, lang: str) -> None:
        self.store.setValue("ui/language", lang)

    @property
    def plan_code(self) -> str:
        """The plan the window showed last ("" until one is chosen: the newest)."""
        return self._text("plan/code")

    @plan_code.setter
    def plan_code(self, code: str) -> None:
        self.store.setValue("plan/code", code)

    @property
    def save_folder(self) -> str:
        """The folder the clerk last saved a file into ("" until the first save)."""
        return self._text("files/save_folder")

    @save_folder.setter
    def save_folder(self, folder: str) -> None:
        self.store.setValue("files/save_folder", folder)

    @property
    def database(self) -> str:
        """The database chosen under Cài đặt → Cơ sở dữ liệu… ("" : the default file): a
        file's path or postgresql://user@host:port/db, never with a password."""
        return self._text("database/target")

    @database.setter
    def database(self, target: str) -> None:
        self.store.setValue("database/target", target)

    def state(self, key: str) -> QByteArray | None:
        """A saved widget state (geometry, splitter, header), or None."""
        value = self.store.value(f"state/{key}")
        return value if isinstance(value, QByteArray) else None

    def save_state(self, key: str, state: QByteArray) -> None:
        self.store.setValue(f"state/{key}", state)

    def sync(self) -> None:
        self.store.sync()
