"""The OpenAPI 3.1 document of the API, written by hand: what each endpoint
answers, the bearer token, and the problem details of every error. The tests
validate it (``openapi-spec-validator``) and every response they get against it."""

from __future__ import annotations

import copy

from .models import SCOPES
from .problems import MEDIA_TYPE

_DAY = {"type": "string", "format": "date"}
_DAY_OR_NULL = {"type": ["string", "null"], "format": "date"}
_SHARE = {"type": "number", "minimum": 0, "maximum": 1}
_COUNT = {"type": "integer", "minimum": 0}


def _object(properties: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": properties,
            "required": list(properties) if required is None else required,
            "additionalProperties": False}


def _problem(description: str) -> dict:
    return {"description": description,
            "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


SCHEMAS = {
    "Problem": {
        "description": "RFC 9457 problem details.",
        **_object({"type": {"type": "string"}, "title": {"type": "string"},
                   "status": {"type": "integer", "minimum": 400, "maximum": 599},
                   "detail": {"type": "string"}}),
    },
    "Site": _object({
        "id": {"type": "integer"}, "name": {"type": "string"},
        "country": {"type": "string", "description": "ISO 3166-1 alpha-2", "pattern": "^[A-Z]{2}$"},
        "os_id": {"type": ["string", "null"], "description": "Open Supply Hub ID"},
        "supplier": {"type": "string"}}),
    "Cycle": _object({
        "id": {"type": "integer"}, "site": {"$ref": "#/components/schemas/Site"},
        "starts_on": _DAY, "ends_on": _DAY,
        "headcount": {"type": "integer", "minimum": 1},
        "respondents": _COUNT, "released_on": _DAY,
        "lead_company": {"type": "string"},
        "co_owned": {"type": "boolean", "description": "A joint cycle another member leads "
                                                       "and this company co-owns."}}),
    "CycleList": _object({"cycles": {"type": "array",
                                      "items": {"$ref": "#/components/schemas/Cycle"}}}),
    "ShownIndicator": _object({
        "code": {"type": "string"}, "theme": {"type": "string"}, "label": {"type": "string"},
        "status": {"const": "shown"},
        "counts": {"description": "Blurred counts (never the true ones).",
                   **_object({"positive": _COUNT, "dont_know": _COUNT, "negative": _COUNT})},
        "shares": _object({"positive": _SHARE, "dont_know": _SHARE, "negative": _SHARE}),
        "change_in_negative_share": {"type": ["number", "null"]},
        "priority": {"type": "boolean"}}),
    "WithheldIndicator": {
        "description": "Withheld by the anonymity rule: no count, no share, only why.",
        **_object({
            "code": {"type": "string"}, "theme": {"type": "string"}, "label": {"type": "string"},
            "status": {"const": "withheld"},
            "withheld": _object({
                "reason": {"enum": ["small_group", "protects_others", "small_cycle",
                                    "blurred"]},
                "k": {"type": "integer", "minimum": 5,
                      "description": "The smallest group shown."},
                "detail": {"type": "string"}}),
            "change_in_negative_share": {"type": "null"},
            "priority": {"const": False}})},
    "Results": _object({
        "cycle": {"$ref": "#/components/schemas/Cycle"},
        "k": {"type": "integer", "minimum": 5},
        "priority_pct": {"type": "integer"},
        "respondents": _COUNT,
        "response_rate": {"type": "number", "minimum": 0},
        "answers_shown": {"type": "boolean",
                          "description": "False when fewer than k answered: every indicator "
                                         "is withheld."},
        "group": {"oneOf": [{"type": "null"}, _object({
            "dimension": {"type": "string"}, "value": {"type": "string"},
            "respondents": {"type": ["integer", "null"], "minimum": 0,
                            "description": "Blurred; null where withheld."}})]},
        "compared_with_cycle": {"type": ["integer", "null"]},
        "indicators": {"type": "array", "items": {"oneOf": [
            {"$ref": "#/components/schemas/ShownIndicator"},
            {"$ref": "#/components/schemas/WithheldIndicator"}]}},
        "not_asked": {"type": "array", "items": {"type": "string"}}}),
    "Agreement": _object({
        "id": {"type": "integer"}, "title": {"type": "string"},
        "owner": {"enum": ["brand", "supplier", "factory"]},
        "acting_company": {"type": ["string", "null"]},
        "status": {"enum": ["planned", "in_progress", "done", "dropped"]},
        "due_on": _DAY, "done_on": _DAY_OR_NULL, "overdue": {"type": "boolean"},
        "indicators": {"type": "array", "items": {"type": "string"}},
        "purchasing_practice": {"type": "boolean"},
        "cycle_id": {"type": "integer"}, "dialogue_held_on": _DAY_OR_NULL,
        "site": {"$ref": "#/components/schemas/Site"}}),
    "AgreementList": _object({"agreements": {
        "type": "array", "items": {"$ref": "#/components/schemas/Agreement"}}}),
}

_ERRORS = {"401": _problem("No token, an unknown one, or a revoked one."),
           "403": _problem("The token lacks the scope."),
           "429": _problem("Too many requests with this token."),
           "default": _problem("Any other error.")}


def _json(schema: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{schema}"}}}}


_DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "wsdialog API", "version": "1",
             "description": "Read a member company's released, aggregated survey results "
                            "and its agreements with suppliers, for its ESG and reporting "
                            "tools. The same anonymity rule as the pages: a withheld figure "
                            "is withheld here too. Tokens are created by the company's "
                            "admins on /settings/api."},
    "servers": [{"url": "/api/v1"}],
    "security": [{"token": []}],
    "paths": {
        "/cycles": {"get": {
            "operationId": "listCycles", "summary": "Released cycles",
            "description": "Needs the scope results:read.",
            "responses": {"200": _json("CycleList", "The company's released cycles."),
                          **_ERRORS}}},
        "/cycles/{cycle_id}/results": {"get": {
            "operationId": "cycleResults", "summary": "A released cycle's results",
            "description": "Needs the scope results:read.",
            "parameters": [
                {"name": "cycle_id", "in": "path", "required": True,
                 "schema": {"type": "integer"}},
                {"name": "group", "in": "query", "required": False,
                 "description": "One group only, as dimension:value (gender:woman).",
                 "schema": {"type": "string", "pattern": "^[a-z_]+:[a-z0-9_]+$"}}],
            "responses": {"200": _json("Results", "The figures after the anonymity rule."),
                          "400": _problem("Unknown group."),
                          "404": _problem("No such released cycle of the company."),
                          **_ERRORS}}},
        "/agreements": {"get": {
            "operationId": "listAgreements", "summary": "Agreements",
            "description": "Needs the scope agreements:read.",
            "responses": {"200": _json("AgreementList", "The company's agreements."),
                          **_ERRORS}}},
        "/openapi.json": {"get": {
            "operationId": "openapi", "summary": "This document", "security": [],
            "responses": {"200": {"description": "The OpenAPI document.",
                                  "content": {"application/json": {
                                      "schema": {"type": "object"}}}}}}},
    },
    "components": {
        "securitySchemes": {"token": {
            "type": "http", "scheme": "bearer",
            "description": "An organisation token (wsd_…). Scopes: " + "; ".join(
                f"{name}: {text}" for name, text in SCOPES.items()) + "."}},
        "schemas": SCHEMAS,
    },
}


def document() -> dict:
    """The document (a copy: callers may change it)."""
    return copy.deepcopy(_DOCUMENT)
