"""A platform's integration, written as an integrator would: a client generated
by openapi-python-client from the committed spec, called with an API key only.

It registers a sale (an order whose air conditioner needs installing), follows
the installation ticket to completion through signed webhooks while the
network's staff do the work, and asks for a return, whose decision comes back
by webhook too. Staff actions use plain HTTP with staff tokens: they are the
network's side, not the integration's.

    python tests/python/partner_scenario.py <base url> <generated client dir>
"""
import base64
import hashlib
import hmac
import json
import sys
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer

BASE_URL, CLIENT_DIR = sys.argv[1], sys.argv[2]
sys.path.insert(0, CLIENT_DIR)

from aftersales_api_client import AuthenticatedClient  # noqa: E402
from aftersales_api_client.api.orders import create_order, get_order, request_order_return  # noqa: E402
from aftersales_api_client.api.tickets import get_ticket  # noqa: E402
from aftersales_api_client.api.webhooks import create_webhook_endpoint  # noqa: E402
from aftersales_api_client.models import (  # noqa: E402
    CreateOrder,
    CreateWebhookEndpoint,
    OrderDto,
    RequestReturn,
)

PASSED = []


def check(name, condition, detail=""):
    if not condition:
        print(f"not ok - {name} {detail}")
        sys.exit(1)
    PASSED.append(name)
    print(f"ok - {name}")


# --- the network's staff, over plain HTTP ------------------------------------
def staff(method, path, token=None, body=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(BASE_URL + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def sign_in(username):
    return staff("POST", "/api/v1/auth/login", body={"username": username, "password": "demo-password"})["access_token"]


# --- the platform's webhook receiver -----------------------------------------
MESSAGES = []
ARRIVED = threading.Condition()
SECRET = {}


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        msg_id, stamp = self.headers["webhook-id"], self.headers["webhook-timestamp"]
        key = base64.b64decode(SECRET["whsec"].removeprefix("whsec_"))
        expected = base64.b64encode(hmac.new(key, f"{msg_id}.{stamp}.{body}".encode(), hashlib.sha256).digest())
        signed = any(s.split(",", 1)[1].encode() == expected for s in self.headers["webhook-signature"].split())
        with ARRIVED:
            MESSAGES.append((json.loads(body), signed))
            ARRIVED.notify_all()
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def wait_for(kind, matches, seconds=60):
    """The first message of this kind whose data matches, and whether it was signed."""
    deadline = time.time() + seconds
    with ARRIVED:
        while True:
            found = [(m, s) for m, s in MESSAGES if m["type"] == kind and matches(m["data"])]
            if found:
                return found[0][0]["data"], found[0][1]
            if time.time() >= deadline:
                return None, False
            ARRIVED.wait(timeout=1)


def main():
    admin = sign_in("admin")
    hn01 = next(b["id"] for b in staff("GET", "/api/v1/branches?limit=200", admin)["items"] if b["code"] == "HN01")
    code = f"PY-{uuid.uuid4().hex[:6].upper()}"
    platform = staff("POST", "/api/v1/partners", admin,
                     {"branch_id": hn01, "code": code, "name": "Python Shop", "kind": "ecommerce_platform"})
    key = staff("POST", f"/api/v1/partners/{platform['id']}/api-keys", admin,
                {"name": "python client", "scopes": ["orders:write", "tickets:read", "webhooks:manage"]})["secret"]
    models = staff("GET", "/api/v1/product-models?q=FTKB25WVMV", admin)["items"]
    aircon = next(m["id"] for m in models if m["sku"] == "FTKB25WVMV")

    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    receiver_url = f"http://127.0.0.1:{server.server_address[1]}/hooks"

    # From here on, the platform's own code: the generated client and its key.
    client = AuthenticatedClient(base_url=BASE_URL, token=key, raise_on_unexpected_status=True)
    subscribed = create_webhook_endpoint.sync(client=client, body=CreateWebhookEndpoint.from_dict({
        "url": receiver_url,
        "events": ["ticket.created", "ticket.stage_changed", "ticket.completed", "order.status_changed", "return.decided"],
    }))
    SECRET["whsec"] = subscribed.secret
    check("the platform subscribes its receiver with its key", subscribed.secret.startswith("whsec_"))

    today = time.strftime("%Y-%m-%d")
    serial = f"PY-{uuid.uuid4().hex[:10].upper()}"
    order_body = CreateOrder.from_dict({
        "external_reference": f"{code}-0001", "status": "delivered", "ordered_on": today, "delivered_on": today,
        "customer": {"kind": "individual", "name": "Trần Thị Mai", "phones": [{"number": f"09{uuid.uuid4().int % 10**8:08d}"}]},
        "installation_address": "5 Tràng Tiền, Hà Nội", "lines": [{"model_id": aircon, "serial": serial}],
    })
    retry_key = str(uuid.uuid4())
    order = create_order.sync(client=client, body=order_body, idempotency_key=retry_key)
    again = create_order.sync(client=client, body=order_body, idempotency_key=retry_key)
    check("a sale is registered as an order", isinstance(order, OrderDto) and order.status.value == "delivered")
    check("a retry with the same Idempotency-Key answers the same order", again.id == order.id)
    line = order.lines[0]
    check("its unit is registered", line.serial_id is not None and line.serial == serial)
    ticket_id = line.installation_ticket_id
    check("the air conditioner gets an installation ticket", ticket_id is not None)
    ticket = get_ticket.sync(id=ticket_id, client=client)
    check("the platform reads its installation ticket", ticket.kind.value == "installation")
    created, signed = wait_for("ticket.created", lambda d: d["ticket"]["id"] == str(ticket_id))
    check("ticket.created reaches the receiver, signed", created is not None and signed)

    # The network installs the unit: dispatch, work, the signed card, completed.
    dispatcher = sign_in("dispatcher.hn01")
    tech_token = sign_in("tech.hn01")
    tech_id = staff("GET", "/api/v1/auth/me", tech_token)["id"]
    visit = {"technician_id": tech_id, "appointment_from": f"{today}T23:00:00Z", "appointment_to": f"{today}T23:30:00Z",
             "override": True, "override_reason": "the test's visit may fall outside working hours"}
    staff("POST", f"/api/v1/tickets/{ticket_id}/dispatch", dispatcher, visit)
    staff("POST", f"/api/v1/tickets/{ticket_id}/transitions", tech_token, {"to": "in_service"})
    card = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(200))
    staff("POST", f"/api/v1/tickets/{ticket_id}/attachments?purpose=installation_card&file_name=card.png",
          tech_token, raw=card, content_type="image/png")
    staff("POST", f"/api/v1/tickets/{ticket_id}/transitions", tech_token, {"to": "completed"})
    done, signed = wait_for("ticket.completed", lambda d: d["ticket"]["id"] == str(ticket_id))
    check("the platform learns the installation is completed, signed", done is not None and signed)
    check("the completed ticket is in the completed stage", done["ticket"]["stage"] == "completed")

    # The customer wants another unit: the platform asks for an exchange.
    asked = request_order_return.sync(id=order.id, client=client,
                                      body=RequestReturn.from_dict({"line_no": 1, "kind": "exchange", "reason": "Loud fan"}),
                                      idempotency_key=str(uuid.uuid4()))
    check("an exchange request opens a return ticket", asked.ticket_id is not None)
    now = get_order.sync(id=order.id, client=client)
    check("the order is now exchange_requested", now.status.value == "exchange_requested")
    moved, signed = wait_for("order.status_changed", lambda d: d["order"]["status"] == "exchange_requested")
    check("order.status_changed reaches the receiver, signed", moved is not None and signed)

    # The network inspects the unit and refunds; the platform hears the decision.
    returns = next(w["id"] for w in staff("GET", "/api/v1/warehouses?limit=200", admin)["items"] if w["code"] == "HN01-RET")
    staff("POST", f"/api/v1/order-returns/{asked.id}/decision", admin, {"outcome": "refund", "warehouse_id": returns})
    decided, signed = wait_for("return.decided", lambda d: d["return"]["id"] == str(asked.id))
    check("return.decided reaches the receiver, signed", decided is not None and signed)
    check("the decision is a refund and the order is returned",
          decided["return"]["outcome"] == "refund" and decided["order"]["status"] == "returned")
    print(f"# {len(PASSED)} passed")


if __name__ == "__main__":
    main()
