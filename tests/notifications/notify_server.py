"""A local HTTP server that speaks the part of GOV.UK Notify's API our client uses.

POST /v2/notifications/email and /v2/notifications/sms, GET /v2/notifications/<id>, with the
client's JWT checked against the API key's secret (as Notify does). Started by a test on
127.0.0.1 and a free port; behaviour per address:
  - `refuse`: 400 with Notify's validation error (a permanent failure);
  - `busy`: 500 for that many requests, then accepted (a temporary failure);
  - `bounce`: accepted, later reported "permanent-failure" (does not exist);
  otherwise accepted, later "delivered".
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"test_key-{SERVICE_ID}-{SECRET}"


@dataclass
class Notify:
    sent: list[dict[str, Any]] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)
    refuse: set[str] = field(default_factory=set)
    busy: dict[str, int] = field(default_factory=dict)
    bounce: set[str] = field(default_factory=set)
    base_url: str = ""

    def to(self, address: str) -> list[dict[str, Any]]:
        return [s for s in self.sent if address in (s.get("email_address"), s.get("phone_number"))]


def _handler(notify: Notify) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def _answer(self, code: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            try:
                claims = jwt.decode(token, SECRET, algorithms=["HS256"])
            except jwt.PyJWTError:
                claims = {}
            if claims.get("iss") != SERVICE_ID:
                self._answer(
                    403,
                    {
                        "status_code": 403,
                        "errors": [{"error": "AuthError", "message": "Invalid token"}],
                    },
                )
                return False
            return True

        def do_POST(self) -> None:
            if not self._authorised():
                return
            kind = self.path.rsplit("/", 1)[-1]
            if self.path not in ("/v2/notifications/email", "/v2/notifications/sms"):
                self._answer(404, {"status_code": 404, "errors": [{"message": "Not found"}]})
                return
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length))
            address = body.get("email_address") or body.get("phone_number", "")
            if notify.busy.get(address, 0) > 0:
                notify.busy[address] -= 1
                self._answer(500, {"status_code": 500, "errors": [{"message": "Internal error"}]})
                return
            if address in notify.refuse:
                field_name = "email_address" if kind == "email" else "phone_number"
                message = (
                    "phone_number Not a UK mobile number"
                    if kind == "sms"
                    else "email_address Not a valid email address"
                )
                self._answer(
                    400,
                    {
                        "status_code": 400,
                        "errors": [{"error": "ValidationError", "message": message}],
                        "field": field_name,
                    },
                )
                return
            notification_id = str(uuid.uuid4())
            notify.sent.append({"id": notification_id, "type": kind, **body})
            notify.statuses[notification_id] = (
                "permanent-failure" if address in notify.bounce else "delivered"
            )
            self._answer(
                201,
                {
                    "id": notification_id,
                    "reference": body.get("reference"),
                    "content": {"body": body.get("personalisation", {}).get("body", "")},
                    "uri": f"{notify.base_url}/v2/notifications/{notification_id}",
                    "template": {"id": body["template_id"], "version": 1, "uri": ""},
                },
            )

        def do_GET(self) -> None:
            if not self._authorised():
                return
            notification_id = self.path.rsplit("/", 1)[-1]
            status = notify.statuses.get(notification_id)
            if not self.path.startswith("/v2/notifications/") or status is None:
                self._answer(
                    404,
                    {
                        "status_code": 404,
                        "errors": [{"error": "NoResultFound", "message": "No result found"}],
                    },
                )
                return
            self._answer(200, {"id": notification_id, "status": status})

    return Handler


@contextmanager
def notify_server() -> Iterator[Notify]:
    notify = Notify()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(notify))
    notify.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield notify
    finally:
        server.shutdown()
        server.server_close()
