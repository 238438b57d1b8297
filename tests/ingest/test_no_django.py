import ast
from pathlib import Path

INGEST = Path(__file__).resolve().parents[2] / "articles" / "ingest"


def test_ingest_never_imports_django():
    offenders = []
    for path in INGEST.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []
