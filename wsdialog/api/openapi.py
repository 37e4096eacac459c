"""The OpenAPI 3.1 document of the API, written by hand: what each endpoint
answers, the bearer token, and the problem details of every error. The tests
validate it (``openapi-spec-validator``) and every response they get against it."""

from __future__ import annotations

import copy

from .models import SCOPES
from .problems import MEDIA_TYPE
from .push import MAX_RESPONDENTS

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
        "description": "RFC 9457 problem details. A refused push (422) adds `errors`: "
                       "where each problem lies in the request (a JSON pointer) and what it is.",
        **_object({"type": {"type": "string"}, "title": {"type": "string"},
                   "status": {"type": "integer", "minimum": 400, "maximum": 599},
                   "detail": {"type": "string"},
                   "errors": {"type": "array", "items": _object({
                       "pointer": {"type": "string"}, "detail": {"type": "string"}})}},
                  required=["type", "title", "status", "detail"]),
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
    "Summary": _object({
        "year": {"type": "integer"},
        "cycles": {"type": "array", "items": _object({
            "id": {"type": "integer"}, "site": {"$ref": "#/components/schemas/Site"},
            "starts_on": _DAY, "ends_on": _DAY, "respondents": _COUNT,
            "response_rate": {"type": "number", "minimum": 0},
            "priorities": _COUNT, "shared_with_workers_on": _DAY_OR_NULL})},
        "cycles_without_results_yet": _COUNT,
        "themes": {"type": "array", "items": _object({
            "theme": {"type": "string"}, "priorities": _COUNT,
            "agreements": _object({state: _COUNT for state in (
                "planned", "in_progress", "done", "overdue", "dropped")})})},
        "agreements_overdue": _COUNT}),
    "AssignedCycle": _object({
        "id": {"type": "integer"}, "site": {"$ref": "#/components/schemas/Site"},
        "company": {"type": "string", "description": "The member company it is run for."},
        "starts_on": _DAY, "ends_on": _DAY, "headcount": {"type": "integer", "minimum": 1},
        "channels": {"type": "array", "items": {"type": "string"}},
        "accepts_respondents": {"type": "boolean",
                                "description": "Whether a push would be taken now (open, "
                                               "not released, results not yet seen)."},
        "questionnaire": _object({
            "version_id": {"type": "integer"},
            "languages": {"type": "array", "items": {"type": "string"}},
            "answers": {"type": "array", "items": {"type": "string"},
                        "description": "The answer codes: yes, no, dk (don't know)."},
            "demographics": {"type": "object", "additionalProperties": {
                "type": "array", "items": {"type": "string"}}},
            "questions": {"type": "array", "items": _object({
                "code": {"type": "string"}, "theme": {"type": "string"},
                "texts": {"type": "object",
                          "additionalProperties": {"type": "string"}}})}})}),
    "AssignedCycleList": _object({"cycles": {
        "type": "array", "items": {"$ref": "#/components/schemas/AssignedCycle"}}}),
    "Respondent": {
        "description": "One respondent, with the columns of a results file. `respondent` is "
                       "the provider's own key: a respondent sent again is not stored again.",
        **_object({
            "respondent": {"type": "string", "minLength": 1},
            "date": _DAY, "channel": {"type": "string"}, "language": {"type": "string"},
            **{name: {"type": "string"} for name in ("gender", "age_band", "contract", "role")},
            "answers": {"type": "object", "additionalProperties": {"type": "string"},
                        "description": "Question code -> yes, no or dk."}},
            required=["respondent", "date", "answers"])},
    "RespondentPush": _object({"respondents": {
        "type": "array", "minItems": 1, "maxItems": MAX_RESPONDENTS,
        "items": {"$ref": "#/components/schemas/Respondent"}}}),
    "Pushed": _object({"stored": _COUNT, "already_stored": _COUNT}),
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
             "description": "For a member company's ESG and reporting tools: its "
                            "released, aggregated survey results, its agreements with "
                            "suppliers and the yearly due-diligence summary, under the same "
                            "anonymity rule as the pages (a withheld figure is withheld here "
                            "too). For a survey provider's tools: the cycles assigned to it "
                            "and sending their respondents. Tokens are created on "
                            "/settings/api by a company's admins or a provider's people."},
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
        "/summary": {"get": {
            "operationId": "yearSummary", "summary": "A year's due-diligence summary",
            "description": "Needs the scope summary:read. Input for ESRS S2 reporting.",
            "parameters": [{"name": "year", "in": "query", "required": False,
                            "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}}],
            "responses": {"200": _json("Summary", "The year's summary."),
                          "400": _problem("Not a year."), **_ERRORS}}},
        "/assigned-cycles": {"get": {
            "operationId": "listAssignedCycles", "summary": "A provider's assigned cycles",
            "description": "Needs the scope cycles:read (a survey provider's token).",
            "responses": {"200": _json("AssignedCycleList", "The cycles assigned to the "
                                                            "provider, with questionnaires."),
                          **_ERRORS}}},
        "/cycles/{cycle_id}/respondents": {"post": {
            "operationId": "pushRespondents", "summary": "Send respondents",
            "description": "Needs the scope respondents:write (a survey provider's token). "
                           "The same checks as an uploaded file; all or nothing. Respondents "
                           "sent before (by key) are left as they are: a request may be sent "
                           "again safely.",
            "parameters": [{"name": "cycle_id", "in": "path", "required": True,
                            "schema": {"type": "integer"}}],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/RespondentPush"}}}},
            "responses": {
                "201": _json("Pushed", "Stored; `already_stored` counts those sent before."),
                "200": _json("Pushed", "Nothing new: every respondent was stored before."),
                "404": _problem("No such cycle assigned to the provider."),
                "409": _problem("The cycle takes no respondents now (not open yet, "
                                "released, its results seen) or would exceed its headcount."),
                "422": _problem("Nothing stored: the problems, each with its place."),
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
