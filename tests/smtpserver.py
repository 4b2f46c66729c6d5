"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives and can refuse on
request. It offers neither STARTTLS nor AUTH unless given an account (see `require_login`)."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Handler:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Any] = []
        self.mail_reply: str | None = None  # e.g. "553 5.7.1 sender not allowed"
        self.rcpt_reply: str | None = None  # e.g. "550 5.1.1 no such user" or "451 4.3.0 try later"
        self.data_reply: str | None = None

    async def handle_MAIL(  # noqa: N802 - aiosmtpd looks the hook up by this name
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.mail_reply:
            return self.mail_reply
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(  # noqa: N802 - aiosmtpd looks the hook up by this name
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.data_reply:
            return self.data_reply
        self.envelopes.append(envelope)
        self.messages.append(
            message_from_bytes(
                envelope.original_content or envelope.content,  # type: ignore[arg-type]
                policy=policy.default,
            )
        )
        return "250 Message accepted for delivery"


class SMTPServer:
    """Start with start(), stop with stop(); `port` stays the same across restarts (down, then up
    again)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.handler = _Handler()
        self.controller: Controller | None = None
        self.account: tuple[str, str] | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages

    def start(self) -> None:
        login: dict[str, Any] = {}
        if self.account is not None:
            # AUTH on a plain connection: loopback only, and it lets the tests log in without TLS.
            login = {"authenticator": self._authenticate, "auth_require_tls": False}
        # aiosmtpd waits 5 s for its thread's loop by default, which two busy cores (the suite's
        # workers beside other work) can run out before the loop starts: wait longer
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, ready_timeout=60.0, **login
        )
        self.controller.start()

    def require_login(self, username: str, password: str) -> None:
        """Offer AUTH from now on and accept only this account (the server restarts on its port)."""
        self.stop()
        self.account = (username, password)
        self.start()

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        given = (
            (auth_data.login.decode(), auth_data.password.decode())
            if isinstance(auth_data, LoginPassword)
            else None
        )
        return AuthResult(success=given == self.account, handled=False)

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None
