"""The hub's routes, one APIRouter per area (as the FastAPI template's `api/routes/`); hub.api
includes them. Handlers read and check the request, then call the hub's modules (enrollment,
push, pull, packs, bundles) in a worker thread; no SQL here."""
