"""`wirewatch serve`: Datasette over the wirewatch database, read-only, in this process.

The database is opened as a mutable file in read-only mode (`?mode=ro`), not `--immutable`: the
daemon and crawls go on writing to it (WAL), and every page reads what is committed now. The
socket is bound here, before Datasette starts, so a taken port is one clear line."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crawler.config.model import WEB_DATABASE

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
SETTINGS = {
    "default_page_size": 50,
    "max_returned_rows": 1000,
    "sql_time_limit_ms": 3000,
    "allow_download": False,
    "default_allow_sql": True,
}


class ServeError(Exception):
    """The server cannot start: the message says why and what to change."""


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def sql_allowed(host: str, sql: bool | None) -> bool:
    """Arbitrary read-only SQL: allowed on loopback, off elsewhere unless asked for."""
    return is_loopback(host) if sql is None else sql


def build(db: Path, allow_sql: bool) -> Any:
    """The Datasette instance over one wirewatch database, with our plugin, templates and
    metadata."""
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    from crawler.web import plugin
    from crawler.web.metadata import metadata

    if not pm.is_registered(plugin):
        pm.register(plugin, name="wirewatch")
    settings = {**SETTINGS, "default_allow_sql": allow_sql}
    ds = Datasette(metadata=metadata(allow_sql), template_dir=str(TEMPLATES), settings=settings)
    ds.remove_database("_memory")
    ds.add_database(Database(ds, path=str(db), is_mutable=True), name=WEB_DATABASE)
    return ds


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or ServeError naming the address and the way out."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ServeError(
            f"cannot serve on {host}:{port}: {exc.strerror or exc} (another `wirewatch serve`? "
            "choose another --port)"
        ) from None
    sock.listen(128)
    return sock


def serve(db: Path, host: str, port: int, sql: bool | None, echo: Callable[[str], None]) -> None:
    """Serve until Ctrl-C or SIGTERM."""
    import uvicorn

    allow_sql = sql_allowed(host, sql)
    ds = build(db, allow_sql)
    sock = bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    echo(f"serving {db} at http://{shown}:{sock.getsockname()[1]}/ (Ctrl-C stops)")
    echo(f"arbitrary SQL: {'allowed (read-only)' if allow_sql else 'off'}")
    asyncio.run(ds.invoke_startup())
    config = uvicorn.Config(ds.app(), fd=sock.fileno(), log_level="warning", lifespan="on")
    try:
        uvicorn.Server(config).run()
    finally:
        sock.close()
