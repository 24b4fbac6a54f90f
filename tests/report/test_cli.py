"""The gongkai command: output, exit codes, and one clear line for unusable input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from gongkai.cli import cli
from gongkai.report.schema import report_schema

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
SEED_000 = str(SEEDS / "000_b918a3613b28c814.txt")
SEED_001 = str(SEEDS / "001_9e2d34f271735641.txt")
SEED_004 = str(SEEDS / "004_9a4325fa962f2263.txt")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_parse_prints_one_json_object_per_report_matching_the_schema() -> None:
    result = run("parse", SEED_000, SEED_001)
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.output.splitlines()]
    assert [o["agency"] for o in objects] == ["北白象镇", "崔桥镇人民政府"]
    for obj in objects:
        jsonschema.validate(obj, report_schema())
    assert objects[0]["cells"]["active.procurement.amount"] == "76.3"
    assert objects[0]["cells"]["apply.carried_out.total"] is None


def test_parse_out_writes_files(tmp_path: Path) -> None:
    result = run("parse", SEED_001, "--out", str(tmp_path))
    assert result.exit_code == 0
    written = json.loads((tmp_path / "001_9e2d34f271735641.json").read_text(encoding="utf-8"))
    assert written["year"] == 2020


def test_check_exit_codes() -> None:
    assert run("check", SEED_001).exit_code == 0
    result = run("check", SEED_004)
    assert result.exit_code == 1
    assert "NARRATIVE_INCONSISTENT" in result.output and "14" in result.output


def test_check_json_in_english() -> None:
    result = run("check", SEED_000, "--json", "--lang", "en")
    data = json.loads(result.output)
    codes = {f["code"] for f in data[0]["findings"]}
    assert {"TABLE_TRUNCATED", "SECTION_MISSING", "TABLE_MISSING"} <= codes
    truncated = next(f for f in data[0]["findings"] if f["code"] == "TABLE_TRUNCATED")
    assert "breaks off" in truncated["message"]
    assert truncated["location"]["line"] is not None


def test_check_against_previous_year(tmp_path: Path) -> None:
    prev = tmp_path / "prev.json"
    data = json.loads(run("parse", SEED_001).output)
    data["year"] = 2019
    data["cells"]["apply.carried_out.total"] = 3
    data["cells"]["apply.carried_out.natural_person"] = 3
    prev.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("check", SEED_001, "--previous", str(prev))
    assert "CARRY_OVER_MISMATCH" in result.output


def test_check_reads_its_own_json(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    out.write_text(run("parse", SEED_004).output, encoding="utf-8")
    result = run("check", str(out))
    assert result.exit_code == 1 and "NARRATIVE_INCONSISTENT" in result.output


def test_unusable_input_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "2019", "cells": {"apply.new.total": "many"}}', encoding="utf-8")
    for path in (str(tmp_path / "missing.txt"), str(bad)):
        proc = subprocess.run(
            [sys.executable, "-m", "gongkai.cli", "check", path], capture_output=True, text=True
        )
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_schema_is_json() -> None:
    schema = json.loads(run("schema").output)
    assert schema["properties"]["format"]["enum"] == ["2019", "2021"]
