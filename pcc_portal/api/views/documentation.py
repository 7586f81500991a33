"""The page listing the endpoints."""

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator


def documentation(request):
    """A page listing the endpoints, drawn from the OpenAPI schema."""
    schema = SchemaGenerator(patterns=None, urlconf="pcc_portal.urls").get_schema(
        request=None, public=True
    )
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            endpoints.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": (operation.get("description") or "").split("\n\n")[0],
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return render(request, "api/documentation.html", {"endpoints": endpoints})
