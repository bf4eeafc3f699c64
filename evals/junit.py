"""JUnit XML for CI systems: one testcase per transcript band check, one per gate (floors, invariants, and
regressions against a baseline)."""

from __future__ import annotations

import xml.etree.ElementTree as ET


def render_junit(doc: dict) -> str:
    suite = ET.Element("testsuite", name=f"interviewer eval {doc['dataset']}")
    failures = skipped = 0
    for t in doc["transcripts"]:
        case = ET.SubElement(suite, "testcase", classname="band", name=t["id"],
                             time=f"{t['latency_s'] or 0:.3f}")
        if t["labelled_band"] is None:
            ET.SubElement(case, "skipped", message="no labelled band")
            skipped += 1
        elif t["disagreements"]["band"]:
            ET.SubElement(case, "failure", message=f"judged {t['band']} ({t['recommendation']}), "
                                                   f"labelled {t['labelled_band']}")
            failures += 1
    for check in doc["checks"]:
        case = ET.SubElement(suite, "testcase", classname=f"gate.{check['kind']}", name=check["name"], time="0")
        if not check["passed"]:
            ET.SubElement(case, "failure", message=f"{check['name']}: {check['detail']}")
            failures += 1
        else:
            ET.SubElement(case, "system-out").text = check["detail"]
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
