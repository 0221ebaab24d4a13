"""The Qt desktop interface. It reaches the data only through kh65_desktop.services."""
