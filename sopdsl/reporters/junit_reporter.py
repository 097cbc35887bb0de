"""JUnit XML for CI dashboards: one test case per checked file, failed by its error findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..diagnostics import Severity
from ..terminal import printable
from .paths import repository_path


def report(diagnostics, sources, stream) -> None:
    by_path = defaultdict(list)
    for d in diagnostics:
        by_path[d.path].append(d)
    paths = list(sources) + [path for path in by_path if path not in sources]
    suite = ET.Element("testsuite", name="sopdsl check", tests=str(len(paths)))
    failures = 0
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="sopdsl.check", name=printable(repository_path(path)),
                             file=printable(repository_path(path)))
        found = by_path.get(path, [])
        errors = [d for d in found if d.severity is Severity.ERROR]
        if errors:
            failures += 1
            failure = ET.SubElement(case, "failure", type=errors[0].rule,
                                    message=f"{len(errors)} error finding{'s' if len(errors) != 1 else ''}")
            failure.text = printable("\n".join(d.line_text for d in errors), keep="\n")
        others = [d for d in found if d.severity is not Severity.ERROR]
        if others:
            ET.SubElement(case, "system-out").text = printable("\n".join(d.line_text for d in others), keep="\n")
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites", name="sopdsl", tests=str(len(paths)), failures=str(failures), errors="0")
    root.append(suite)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
