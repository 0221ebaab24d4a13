"""KH65 Desktop: tracking a provincial socio-economic plan's indicators and tasks."""

__version__ = "0.1.0"
APP_NAME = "KH65 Desktop"
