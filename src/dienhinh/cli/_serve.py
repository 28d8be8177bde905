"""``dienhinh serve``: the command line's computations over HTTP (the ``serve`` extra).

A Starlette application served by uvicorn. The computations and the problem
documents are :mod:`dienhinh.cli._serve_api`'s; this module adds HTTP: routes,
the body-size and time limits, CORS, the static card page. Only this module
imports starlette and uvicorn, and only ``dienhinh serve`` imports it.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Awaitable, Callable
from importlib.resources import files
from typing import Any, Final

import anyio
import anyio.to_thread
import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from dienhinh._errors import DienhinhError
from dienhinh._frozen import frozen
from dienhinh.cli._serve_api import (
    Service,
    demo_input,
    dumps,
    problem,
    problem_of,
    read_body,
)
from dienhinh.cli._serve_openapi import openapi
from dienhinh.io import schema_names, schema_text

__all__ = ["Limits", "create_app", "run"]

JSON: Final = "application/json"
PROBLEM: Final = "application/problem+json"
STATIC: Final = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.css": ("app.css", "text/css; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
}
# The page loads nothing from elsewhere; the policy says so to the browser too.
CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@frozen
class Limits:
    """The request-body size limit (bytes) and the per-request time limit (seconds)."""

    max_body: int = 4 * 1024 * 1024
    time_limit: float = 30.0


class _Refused(Exception):
    def __init__(self, status: int, doc: dict[str, Any]) -> None:
        self.status = status
        self.doc = doc


NOSNIFF: Final = {"x-content-type-options": "nosniff"}


def _json(value: Any, status: int = 200) -> Response:
    return Response(dumps(value), status_code=status, media_type=JSON, headers=NOSNIFF)


def _problem(doc: dict[str, Any]) -> Response:
    return Response(dumps(doc), status_code=doc["status"], media_type=PROBLEM, headers=NOSNIFF)


async def _body(request: Request, limits: Limits) -> bytes:
    declared = request.headers.get("content-length")
    too_large = problem(
        413, "body_too_large",
        f"the request body is larger than the limit of {limits.max_body} bytes",
        instance=request.url.path,
    )  # fmt: skip
    if declared is not None and declared.isdigit() and int(declared) > limits.max_body:
        raise _Refused(413, too_large)
    chunks = bytearray()
    async for chunk in request.stream():
        chunks += chunk
        if len(chunks) > limits.max_body:
            raise _Refused(413, too_large)
    return bytes(chunks)


async def _compute(limits: Limits, path: str, fn: Callable[[], Any]) -> Response:
    """Run ``fn`` in a worker thread under the time limit; a refusal becomes a problem."""
    try:
        with anyio.fail_after(limits.time_limit):
            value = await anyio.to_thread.run_sync(fn, abandon_on_cancel=True)
    except TimeoutError:
        return _problem(problem(
            503, "time_limit", f"the computation took longer than the limit of "
            f"{limits.time_limit:g} seconds", instance=path,
        ))  # fmt: skip
    except DienhinhError as exc:
        return _problem(problem_of(exc, instance=path))
    return _json(value)


def _post(
    service: Service, limits: Limits, method: Callable[[Service, Any], Any]
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            data = await _body(request, limits)
        except _Refused as refused:
            return _problem(refused.doc)
        path = request.url.path
        return await _compute(limits, path, lambda: method(service, read_body(data)))

    return endpoint


def create_app(
    service: Service | None = None, *, limits: Limits | None = None, cors: list[str] | None = None
) -> Starlette:
    """The application: ``service`` computes, ``limits`` bound each request, ``cors`` origins."""
    service = service or Service()
    limits = limits or Limits()
    web = files("dienhinh.cli").joinpath("web")

    @functools.cache
    def description() -> bytes:
        return dumps(openapi(service))

    @functools.cache
    def demo() -> bytes:
        return dumps(demo_input())

    async def static(request: Request) -> Response:
        name, media = STATIC[request.url.path]
        body = web.joinpath(name).read_bytes()
        return Response(body, media_type=media, headers={"content-security-policy": CSP,
                        "cache-control": "no-cache", **NOSNIFF})  # fmt: skip

    async def get_json(request: Request) -> Response:
        path = request.url.path
        params = request.path_params

        def run() -> Any:
            match request.scope["route"].path:
                case "/rulesets":
                    return service.rulesets()
                case "/rulesets/{id}":
                    return service.ruleset_summary(params["id"])
                case "/rulesets/{id}/criteria":
                    return service.criteria(params["id"])
                case "/interpretations":
                    return service.interpretations()
                case "/calendar":
                    query = {k: request.query_params.getlist(k) for k in request.query_params}
                    return service.calendar(query)
            raise AssertionError(path)  # pragma: no cover

        if "id" in params and params["id"] not in service.ids():
            # An unknown ruleset in the path is a resource that is not there.
            return _problem(problem(
                404, "unknown_ruleset", f"id={params['id']!r} is not a ruleset of this server; "
                f"known: {', '.join(service.ids())}", path=None, instance=path,
            ))  # fmt: skip
        return await _compute(limits, path, run)

    async def get_health(request: Request) -> Response:
        return _json(service.health())  # no thread, no time limit: liveness only

    async def get_schema(request: Request) -> Response:
        name = request.path_params["name"].removesuffix(".json")
        if name not in schema_names():
            return _problem(problem(
                404, "not_found", f"name={name!r} is not a published schema; "
                f"published: {', '.join(schema_names())}", path=None, instance=request.url.path,
            ))  # fmt: skip
        # The text as shipped, byte for byte.
        return Response(schema_text(name).encode("utf-8"), media_type="application/schema+json")

    async def get_openapi(request: Request) -> Response:
        body = await anyio.to_thread.run_sync(description)
        return Response(body, media_type="application/vnd.oai.openapi+json;version=3.1")

    async def get_demo(request: Request) -> Response:
        return Response(demo(), media_type=JSON)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        doc = problem(exc.status_code, code, f"{request.method} {request.url.path}: {exc.detail}",
                      instance=request.url.path)  # fmt: skip
        headers = dict(exc.headers or {})
        return Response(dumps(doc), status_code=exc.status_code, media_type=PROBLEM,
                        headers=headers)  # fmt: skip

    async def internal_error(request: Request, exc: Exception) -> Response:
        doc = problem(500, "internal_error", f"{type(exc).__name__}: an error dienhinh did not "
                      "expect; please report it", instance=request.url.path)  # fmt: skip
        return _problem(doc)

    posts: dict[str, Callable[[Service, Any], Any]] = {
        "/round": Service.round,
        "/ballot": Service.ballot,
        "/resolve": Service.resolve,
        "/assess": Service.assess,
        "/verify": Service.verify,
        "/window": Service.window,
        "/deadline": Service.deadline,
        "/floors": Service.floors,
    }
    routes = [Route(p, _post(service, limits, m), methods=["POST"]) for p, m in posts.items()]
    routes += [Route(p, static, methods=["GET"]) for p in STATIC]
    json_paths = ("/rulesets", "/rulesets/{id}", "/rulesets/{id}/criteria", "/calendar",
                  "/interpretations")  # fmt: skip
    routes += [Route(p, get_json, methods=["GET"]) for p in json_paths]
    routes += [
        Route("/schemas/{name}", get_schema, methods=["GET"]),
        Route("/openapi.json", get_openapi, methods=["GET"]),
        Route("/demo", get_demo, methods=["GET"]),
        Route("/healthz", get_health, methods=["GET"]),
    ]
    middleware = []
    if cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=cors,
                allow_methods=["GET", "POST"],
                allow_headers=["content-type"],
                max_age=600,
            )
        )
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: http_error, Exception: internal_error},
    )


def run(args: argparse.Namespace) -> int:
    """``dienhinh serve``: load the rulesets named, then serve until interrupted."""
    service = Service.with_files(args.ruleset)
    app = create_app(
        service, limits=Limits(args.max_body, args.time_limit), cors=list(args.cors) or None
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                proxy_headers=True, forwarded_allow_ips=args.forwarded_allow_ips,
                server_header=False)  # fmt: skip
    return 0
