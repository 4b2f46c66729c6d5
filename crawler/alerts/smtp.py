"""Email over SMTP: one message, STARTTLS and login when the channel asks for them."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from crawler.alerts.errors import DeliveryError
from crawler.config import Channel


def send_email(channel: Channel, msg: EmailMessage, timeout: float) -> str | None:
    """Send one message; returns a note on recipients refused while others accepted. Raises
    DeliveryError."""
    try:
        with smtplib.SMTP(channel.smtp_host, channel.smtp_port, timeout=timeout) as smtp:
            smtp.ehlo()
            if channel.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if channel.username:
                smtp.login(channel.username, channel.password or "")
            refused = smtp.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        detail = "; ".join(
            f"{rcpt}: {code} {resp.decode('utf-8', 'replace')}"
            for rcpt, (code, resp) in exc.recipients.items()
        )
        raise DeliveryError(
            f"all recipients refused: {detail}", permanent=all(c >= 500 for c in codes)
        ) from None
    except smtplib.SMTPResponseException as exc:
        text = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        raise DeliveryError(
            f"SMTP {exc.smtp_code} {text}".strip(), permanent=exc.smtp_code >= 500
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(
            f"SMTP server {channel.smtp_host}:{channel.smtp_port} unreachable: "
            f"{type(exc).__name__}: {exc}",
            permanent=False,
        ) from None
    if refused:
        return "refused: " + "; ".join(f"{rcpt}: {code}" for rcpt, (code, _) in refused.items())
    return None
