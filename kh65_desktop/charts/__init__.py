"""Progress charts drawn with pyqtgraph: widgets for the window, images for reports."""
