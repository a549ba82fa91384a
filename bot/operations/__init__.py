"""Running Mreža for operators: the HTTP server, metrics, log format."""
