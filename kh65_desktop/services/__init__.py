"""The operations the UI and the command line call; one short session per call."""
