"""Bad parameters are answered 400 with a Chinese explanation (django-ninja says 422 in
English by default); a missing object is 404 in Chinese. Never a traceback."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

_PARAMS = {
    "year": "年度",
    "region": "地区",
    "limit": "每页条数",
    "offset": "跳过条数",
    "key": "单元格",
    "agency": "机关",
    "ext": "文件格式",
}


def _reason(error: dict[str, Any]) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "应为整数"
    if kind == "greater_than_equal":
        return f"不能小于 {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"不能大于 {ctx.get('le')}"
    if kind == "literal_error":
        return f"应为以下之一：{ctx.get('expected', '')}"[:300]
    if kind == "missing":
        return "不能为空"
    return "无效"


def _described(error: dict[str, Any]) -> dict[str, str]:
    name = str(error.get("loc", ("",))[-1])
    return {"param": name, "message": f"参数 {name}（{_PARAMS.get(name, name)}）{_reason(error)}"}


def install(api: NinjaAPI) -> None:
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [_described(e) for e in exc.errors]
        detail = "请求参数有误：" + "；".join(e["message"] for e in errors)
        return api.create_response(request, {"detail": detail, "errors": errors}, status=400)

    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(request, {"detail": "没有找到所请求的数据"}, status=404)

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return api.create_response(request, {"detail": exc.message}, status=exc.status_code)

    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(HttpError, http_error)
