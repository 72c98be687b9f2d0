"""A free port on 127.0.0.1 for the servers the tests start (never 8000, the development
server's)."""

import socket


def free_port(ports: range) -> int | None:
    """The first port of `ports` nothing listens on, or None."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return None
