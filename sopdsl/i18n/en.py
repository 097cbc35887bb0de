"""The messages in English: message key -> template (see `sopdsl.i18n`)."""

MESSAGES = {
    # How findings name what they point at (sopdsl/describe.py).
    "describe.step": "step",
    "describe.decision": "decision",
    "describe.named": "{keyword} '{name}'",
    "describe.section": "section '{id}'",
    "describe.the-flow": "the flow",
    "describe.end": "end",
    "hint.did-you-mean": "did you mean '{close}'?",
    "unit.minute": "minute",
    "unit.hour": "hour",
    "unit.workday": "workday",
    "unit.calendar_day": "calendar day",
    "unit.week": "week",
    "unit.month": "month",
    "unit.year": "year",
    # Rules (sopdsl/rules/; invalid-calendar's in sopdsl/analysis/calendar.py), by rule name.
    "activity-names-performer": (
        "the activity of {step} begins with its performer '{subject}'; write it as a verb without a subject, "
        "such as {advice}: the Pelaksana column shows who does it"
    ),
    "activity-names-performer.verb": "a verb",
    "branch-outside-decision.next": (
        "{step} has 'next: {target}', but a decision leads on by its branches only; "
        "write it as a branch ('yes:', 'no:' or 'branch \"<label>\":')"
    ),
    "branch-outside-decision.branch": (
        "{step} is a plain step but has a {branch} branch; "
        "make it a 'decision', or replace its branches with one 'next'"
    ),
    "date-order": (
        "'{keyword}' ({printed}: {date}) is before '{created_keyword}' ({created_printed}: {created}); "
        "check the year and month of both dates"
    ),
    "decision-branches.none": (
        "{step} has no branches; give it at least two, such as 'yes:' and 'no:', or make it a 'step'"
    ),
    "decision-branches.one": (
        "{step} has only one branch ('{branch}'); add the other answer, or make it a 'step' with 'next'"
    ),
    "decision-branches.same-label": (
        "{step} has two branches labelled '{label}' (the first on line {line}); give each answer its own label"
    ),
    "decision-branches.one-target": (
        "every branch of {step} goes to {target}, so the answer changes nothing; "
        "lead each answer to its own step, or make it a 'step'"
    ),
    "duplicate-id.role": "role id '{id}' is already used on line {line}",
    "duplicate-id.section": "section id '{id}' is already used on line {line}",
    "duplicate-id.step": "step id '{id}' is already used on line {line}",
    "evaluation-due.evaluated": (
        "SOP '{sop}' was last evaluated on {date}, more than {interval} before {today}; "
        "evaluate it on the seven criteria of Permenpan RB 35/2012 and add 'evaluated: <date>'"
    ),
    "evaluation-due.effective": (
        "SOP '{sop}' took effect on {date} and has not been evaluated in the {interval} since, as of {today}; "
        "evaluate it on the seven criteria of Permenpan RB 35/2012 and add 'evaluated: <date>'"
    ),
    "invalid-calendar.range": "calendar '{entry}' must be one length, not the range '{wording}'",
    "invalid-calendar.unit": "calendar '{entry}' cannot be given in '{unit}': use a smaller unit ({units})",
    "invalid-calendar.zero": "calendar '{entry}' must be longer than zero",
    "logo-not-found": "{reason}; the document prints without it",
    "missing-metadata": (
        "SOP '{sop}' has no '{keyword}' ({printed}) in its header; add it, for example '{keyword}: {example}'"
    ),
    "missing-role": "{step} has no performer; add 'by: <role>' naming the role that does it",
    "missing-time": (
        "{step} has no time, so it prints an empty Waktu cell and counts 0 in the totals; "
        "add 'time: <duration>', or 'time: \"<text>\"' when the source gives no figure"
    ),
    "no-path-to-end": (
        "from {step} no path reaches the end of {flow}: every way on loops back; "
        "give the loop an exit with a branch or 'next' that leads to 'end'"
    ),
    "self-loop": (
        "{step} leads back to itself; send this arrow to the step that corrects the work, or to the step that follows"
    ),
    "sla-exceeded.budget": "its sla of {sla} ({minutes} working minutes)",
    "sla-exceeded.time": "{words} ({minutes} working minutes)",
    "sla-exceeded.at-least": (
        "SOP '{sop}' takes at least {time} on its typical path, more than {budget}; "
        "shorten the steps' times, or check the sla"
    ),
    "sla-exceeded.up-to": (
        "SOP '{sop}' can take up to {time} on its typical path, more than {budget}; "
        "tighten the steps' upper times, or check the sla"
    ),
    "sla-exceeded.longest": (
        "the longest path of SOP '{sop}' takes {time}, more than {budget}; "
        "shorten the steps on that path, or check the sla"
    ),
    "unknown-role": "{step} is done by '{role}', which is not a declared role; {fix}",
    "unknown-role.declare": "declare it with 'role {role}: <name>' or name one of the declared roles",
    "unknown-sop.related-library": (
        "related SOP '{sop}' is not in the library; check the id, or quote the title of an SOP outside the library"
    ),
    "unknown-sop.related-files": (
        "related SOP '{sop}' is not among the checked files; check the id, "
        "or quote the title of an SOP outside the library"
    ),
    "unknown-sop.uses-library": (
        "{step} uses SOP '{sop}', which is not in the library; check the id, or add that SOP to the library"
    ),
    "unknown-sop.uses-files": (
        "{step} uses SOP '{sop}', which is not among the checked files; "
        "check the id, or check this file together with that SOP"
    ),
    "unknown-target": "{step} goes to '{target}', which is no step of {flow}; {fix}",
    "unknown-target.elsewhere": (
        "'{target}' is in {flow}, and targets stay inside their section; move the step or end this flow with 'end'"
    ),
    "unknown-target.name-one": "name a step id of this flow, 'next' or 'end'",
    "unquantified-time": (
        "the time of {step} is text, so the totals count it as 0; "
        "write it as a duration (such as '2 hari kerja' or '1-3 hari') if it has one"
    ),
    "unreachable-step": (
        "{step} is never reached: no path from the start of {flow} leads to it; "
        "let the step before it go on to it, or name it in a 'next' or a branch"
    ),
    "unused-ignore.file": "no finding in this file to silence; remove the comment",
    "unused-ignore.file-rule": "no '{rule}' finding in this file to silence; remove the comment",
    "unused-ignore.no-rule": "the comment names no rule to silence; write '# sopdsl: ignore[rule-name]'",
    "unused-ignore.unknown-rule": "rule '{rule}' does not exist; `sopdsl rules` lists the rules",
    "unused-ignore.unsilenceable": "'{rule}' findings cannot be silenced",
    "unused-ignore.own-line": (
        "a comment on a line of its own silences nothing; put 'ignore[{rule}]' at the end of the line"
    ),
    "unused-ignore.line": "no '{rule}' finding on this line to silence",
    "unused-ignore.block": "no '{rule}' finding in this block to silence",
    "unused-role": (
        "role '{role}' does no step and would print as an empty column; name it in a step's 'by' or remove it"
    ),
    "reversed-range": (
        "the {what} '{wording}' is a range from {low} down to {high}; write the smaller number first; "
        "until then {consequence}"
    ),
    "reversed-range.step-left-out": "the totals leave {step} out",
    "reversed-range.sla-left-out": "the sla is not compared with the totals",
    "duplicate-sop": (
        "SOP id '{sop}' is also declared by {others}; `uses` and `related` cannot tell these SOPs apart, "
        "so give each its own id"
    ),
    "duplicate-sop.more": "{named} and {count} more",
    "self-reference.related": "SOP '{sop}' lists itself as related; name other SOPs here, or remove this item",
    "self-reference.uses": (
        "{step} uses SOP '{sop}', the SOP it is part of, which it cannot follow from within; "
        "name another SOP, or remove the 'uses' and give the step its own 'time'"
    ),
    "uses-cycle": (
        "SOP '{sop}' uses '{used}', which leads back to it through a cycle of {size} SOPs: {cycle}; "
        "an SOP cannot be part of itself, so replace one 'uses' of this cycle by a 'time'"
    ),
    "uses-cycle.more": "… ({count} more)",
    # The text report's summary (sopdsl/reporters/text_reporter.py).
    "summary": "{files}: {findings}",
    "summary.no-findings": "no findings",
    "summary.file": "{count} file checked",
    "summary.files": "{count} files checked",
    "summary.error": "{count} error",
    "summary.errors": "{count} errors",
    "summary.warning": "{count} warning",
    "summary.warnings": "{count} warnings",
    "summary.info": "{count} info",
    "summary.infos": "{count} infos",
    # The text table of `sopdsl stats` (sopdsl/commands/stats.py).
    "stats.flow": "flow",
    "stats.steps": "steps",
    "stats.typical": "typical",
    "stats.min": "min",
    "stats.max": "max",
    "stats.main-flow": "(flow)",
    "stats.total": "total",
    "stats.loops": "loops (once more, from target to source):",
    "stats.unquantified": "unquantified (counted as 0): {steps}",
    # What the commands report besides findings (sopdsl/cli.py, sopdsl/commands/, sopdsl/watch.py).
    "cli.error": "sopdsl: error: {error}",
    "cli.interrupted": "sopdsl: interrupted",
    "cli.internal-error": "sopdsl: internal error: {kind}: {error}",
    "cli.settings-file": "settings file: {path}",
    "cli.no-settings-file": "(none: defaults)",
    "fmt.reformatted": "reformatted {path}",
    "fmt.would-reformat": "would reformat {path}",
    "fmt.unsafe": "sopdsl: internal error: cannot format {path} safely: {error}",
    "watch.changed": "sopdsl: changed: {names}",
    "serve.serving": "sopdsl serve: {url} (serving {folders}; Ctrl+C stops)",
    "serve.stopped": "sopdsl serve: stopped",
    "form.wrote-monitoring": "sopdsl: wrote monitoring form of {count} SOPs to {path}",
    "form.wrote-evaluation": "sopdsl: wrote evaluation form of {count} SOPs to {path}",
    "build.pdf-skipped": "PDF skipped: {error}",
    "build.built": "sopdsl: built {count} SOPs into {folder} ({made} made afresh)",
    "chromium.missing": (
        "PDF output needs Chromium: install the Debian package 'chromium' or set {variable} to a Chrome/Chromium "
        "executable"
    ),
    "chromium.not-executable": (
        "PDF output needs Chromium, but {executable} is not an executable: install the Debian package 'chromium' "
        "or set {variable} to a Chrome/Chromium executable"
    ),
    "chromium.cannot-start": "could not start Chromium ({executable}): {reason}",
    "chromium.timeout": "Chromium did not finish {doing} within {seconds} s",
    # argparse's errors, said again (sopdsl/cli.py); the English templates are argparse's own words.
    "argparse.usage": "usage: ",
    "argparse.positionals": "positional arguments",
    "argparse.options": "options",
    "argparse.error": "{prog}: error: {message}",
    "argparse.required": "the following arguments are required: {names}",
    "argparse.unrecognized": "unrecognized arguments: {names}",
    "argparse.choice": "argument {argument}: invalid choice: {value} (choose from {choices})",
    "argparse.expected-one": "argument {argument}: expected one argument",
    "argparse.argument": "argument {argument}: {message}",
    # Usage errors: the command line, the settings (sopdsl/config.py), files that cannot be read or written.
    "usage.jobs": "expected a whole number of processes from 1 to {most}, not {value}",
    "usage.watchfiles": "--watch needs the watchfiles package: pip install 'sopdsl[watch]'",
    "usage.watch-stdin": "--watch cannot watch standard input (-)",
    "usage.cannot-listen": "cannot listen on {host}:{port}: {reason}",
    "usage.output-is-folder": "{path} is a folder: give the file to write",
    "usage.form-exists": "{path} exists (it may be a filled-in form): give --force to replace it",
    "usage.rows-per-page": "rows per page must be N or FIRST,NEXT (whole numbers of at least 1), not {value}",
    "usage.needs-extra": "{format} output needs the `{module}` package: pip install 'sopdsl[{extra}]'",
    "usage.diff-git": "diff --git REV FILE takes one file, not {count}",
    "usage.diff-files": "diff takes two files: OLD NEW, not {count}",
    "usage.diff-folder": "{path} is a folder: diff compares two .sop files",
    "usage.not-a-file": "{path} is not a file",
    "usage.and": " and ",
    "usage.no-configuration": "no configuration",
    "usage.not-a-rule": "{where}: {name} is not a rule; `sopdsl rules` lists them",
    "usage.different-configurations": (
        "the paths given have different configurations ({names}); check them apart or give --config"
    ),
    "usage.no-table": "{path}: has no [tool.sopdsl] table",
    "usage.unknown-key": "{where}: unknown key '{key}'; the keys are {keys}",
    "usage.strict": "{where}: strict must be true or false",
    "usage.lang-setting": '{where}: lang = {value}; use "id" or "en"',
    "usage.labels-table": '{where} must be a table of label = "text", such as {{ activity = "Uraian Prosedur" }}',
    "usage.labels-unknown": "{where}: unknown label '{key}'; the labels are {keys}",
    "usage.labels-text": "{where}: {key} must be the label's text",
    "usage.per-file-ignores": '{where} must be a table of "glob" = [rule names]',
    "usage.globs": '{where} must be a list of globs, such as ["drafts", "old/*.sop"]',
    "usage.unreadable-configuration": "{path}: cannot read the configuration: {reason}",
    "usage.not-toml": "{path}: not valid TOML: {error}",
    "usage.tool-table": "{path}: [tool.sopdsl] must be a table",
    "usage.cannot-ignore": "{where}: '{rule}' cannot be ignored",
    "usage.rule-list": "{where} must be a list of rule names",
    "usage.severity-table": '{where} must be a table of rule = "error" | "warning" | "info"',
    "usage.fixed-severity": "{where}: the severity of '{rule}' cannot be changed",
    "usage.severity": '{where}: {rule} = {value}; use "error", "warning" or "info"',
    "usage.calendar-table": "{where} must be a table with {entries}",
    "usage.calendar-entry": "{where}: unknown entry '{key}'; the entries are {entries}",
    "usage.calendar-duration": '{where}: {key} must be a duration on one line, such as "8 h" or "5 workdays"',
    "usage.holidays": '{where} must be a list of dates such as "2026-12-24"',
    "usage.holiday": "{where}: {value} is not a date written YYYY-MM-DD",
    "usage.evaluation-interval": '{where} must be a duration on one line, such as "1 tahun" or "6 bulan"',
    "usage.interval-unreadable": (
        "{where} = {value} is not a duration; give years, months, weeks or days, such as \"1 tahun\" or \"6 bulan\""
    ),
    "usage.setting-value": "{where}: {key} = {value}: {reason}",
    "usage.setting-problem": "{where}: {reason}",
    "usage.interval-range": "'{wording}' is a range; give one length, such as '{example}'",
    "usage.interval-whole": "'{wording}' is not a whole number; give whole years, months, weeks or days",
    "usage.interval-unit": "'{wording}' is too short for an evaluation interval; give years, months, weeks or days",
    "usage.interval-zero": "'{wording}' must be longer than zero",
    "usage.date": "expected a date YYYY-MM-DD, not {value}",
    "usage.port": "expected a port number from 0 to 65535, not {value}",
    "usage.lsp-needs-pygls": "sopdsl lsp needs pygls: pip install 'sopdsl[lsp]'",
    "usage.unknown-format": "unknown format {name}: one of {formats}",
    "usage.due-after-last-date": "{days} working days from {start} fall due after {last}, the last date there is",
    "usage.no-such-path": "no such file or folder: {path}",
    "usage.no-such-file": "no such file: {path}",
    "output.outside": "refusing to write {path} outside {root}",
    "output.folder-in-the-way": "cannot write {path}: a folder of that name is in the way",
    "output.read-only": "{path} is read-only: left as it is (give it write permission to let sopdsl rewrite it)",
    "output.folder-not-writable": "cannot write {path}: its folder {folder} is not writable",
    "output.removed-meanwhile": "{path} was removed while it was being formatted: not written",
    "output.changed-meanwhile": "{path} changed on disk while it was being formatted: left as the newer text",
    "usage.no-sop-files": "no .sop files found in {paths}",
    "usage.not-a-regular-file": "{path} is not a regular file (a device, pipe or socket): give a .sop file",
    "usage.cannot-read": "cannot read {path}: {reason}",
    "usage.cannot-write": "cannot write {path}: {reason}",
    "usage.cannot-write-into": "cannot write into {path}: {reason}",
    "usage.not-a-folder": "{path} exists and is not a folder",
    "usage.render-folder": "{path} is a folder: render takes one .sop file (use `sopdsl build` for a library)",
    "usage.output-is-source": "-o {path} is the SOP being rendered: refusing to write over the source",
    "usage.binary-output": "{format} output is binary: give -o FILE, or redirect standard output",
    "usage.no-rule": "no rule named {name}{hint}",
    "usage.rule-hint": "; did you mean {close}?",
    "usage.rules-list": "; `sopdsl rules` lists them",
    "usage.git-revision": "--git: {revision} is not a git revision",
    "usage.git-missing": "--git needs the git program, which was not found on PATH",
    "usage.git-failed": "cannot run git: {error}",
    "usage.git-exit": "git exited with {code}",
    "usage.git-show": "{path} at {revision}: {reason}",
    "usage.git-not-utf8": "{path} at {revision} is not UTF-8 text",
    "usage.holidays-package": "due dates need the 'holidays' package: pip install 'sopdsl[dates]'",
    "usage.due-week": "{sop}: its calendar week is {days} workdays; due dates need 1 to 7 whole days",
    "usage.not-a-sop-file": "{path} is not a .sop file",
    "usage.openpyxl": "reading forms needs openpyxl: pip install 'sopdsl[office]'",
    "usage.not-xlsx": "{path}: not an xlsx workbook ({error})",
    "usage.not-a-form": "{path}: not a form written by `sopdsl form` (it has no '{sheet}' sheet)",
    "usage.form-kind": "{path}: the '{sheet}' sheet names no form kind",
    "usage.sheet-missing": "{path}: the sheet '{sheet}' is missing",
    "usage.sheet-keys": "{path}: sheet '{sheet}' has lost its hidden row of column keys",
    "usage.sheet-column": "{path}: sheet '{sheet}' has lost its column '{column}'",
    # Syntax errors (sopdsl/parse/): the situations of messages.py, the words they are made of, the other errors.
    "syntax.text-after-quote": "text continues after the closing quote; quote all of the text or none of it",
    "syntax.unclosed-quote": "quoted text opened on line {s.error.line} is never closed",
    "syntax.lone-carriage-return": (
        "a carriage return (CR) without a line feed after it; save the file with LF or CRLF line ends"
    ),
    "syntax.only-comments": "the file has only comments and blank lines; a .sop file starts with '{sop_line}'",
    "syntax.calendar-without-entries": (
        "expected the calendar's entries ({calendar_entries}) indented below '{s.key.value}:', found '{s.found}'"
    ),
    "syntax.list-without-items": (
        "expected a value after '{s.key.value}:', or its items indented below it as '- item', found '{s.found}'"
    ),
    "syntax.unexpected-indentation": (
        "unexpected indentation: only the sop header, lists, calendar, steps and decisions take an indented block"
    ),
    "syntax.unknown-attribute": "unknown attribute '{s.found}' here; a step or decision takes {attributes}",
    "syntax.unknown-field": "unknown field '{s.found}' in the sop header; the fields are {fields}",
    "syntax.unknown-calendar-entry": "unknown calendar entry '{s.found}'; use {calendar_choice}",
    "syntax.approver-without-entries": (
        "expected the approver's lines ({approver_entries}) indented below '{s.key.value}:', found '{s.found}'"
    ),
    "syntax.unknown-approver-entry": "unknown approver line '{s.found}'; use {approver_choice}",
    "syntax.line-after-header": "expected {openers} at the start of the line, found '{s.found}'",
    "syntax.line-start": "expected {s.expected_openers} at the start of the line, found '{s.found}'",
    "syntax.no-sop-line": "a .sop file starts with '{sop_line}', found '{s.found}'",
    "syntax.text-missing-alone": "expected text",
    "syntax.title-missing": "expected {s.title} after ':'",
    "syntax.text-missing": "expected text {s.after}",
    "syntax.period-missing": "expected a period {s.after}, such as 'bulan', '3 bulan' or '1 x 3 bulan'",
    "syntax.range-after-terms": "a range cannot follow other terms; {range_or_terms}",
    "syntax.terms-after-range": "other terms cannot follow a range; {range_or_terms}",
    "syntax.range-or-terms": "write the range alone, such as '1-2 jam', or only terms, such as '1 jam 30 menit'",
    "syntax.number-too-long": "number too long: at most {most} digits {side} the decimal mark, found {found}",
    "syntax.before-the-mark": "before",
    "syntax.after-the-mark": "after",
    "syntax.term-or-end": "expected another '<number> <unit>' term or the end of the line, found '{s.found}'",
    "syntax.time-missing": (
        "expected a duration {s.after}, {durations}; a time that is not a number goes in quotes: {time_example}"
    ),
    "syntax.duration-missing": "expected a duration {s.after}, {durations}",
    "syntax.unit-missing": "expected a time unit, found '{s.found}'; {units}",
    "syntax.id-missing": "expected {s.id_wanted}, found '{s.found}'",
    "syntax.colon-missing": "expected ':' here, found '{s.found}'",
    "syntax.role-list-goes-on": "expected another role id after ',' or the end of the line, found '{s.found}'",
    "syntax.line-goes-on": "expected the end of the line, found '{s.found}'",
    "syntax.unexpected": "unexpected '{s.found}'; expected {s.expected_phrase}",
    "syntax.empty-file": "the file is empty; a .sop file starts with '{sop_line}'",
    "syntax.nul-byte": "the file contains a NUL byte: it is binary, not a .sop text file",
    "syntax.not-utf8": "byte 0x{byte} is not valid UTF-8; save the file as UTF-8",
    "syntax.not-a-real-date": "'{value}' is not a real date",
    "syntax.not-a-date": "'{value}' is not a date written YYYY-MM-DD (for example 2024-05-29)",
    "syntax.before-first-section": (
        "{keyword} {name} comes before the first section; when a file has sections, every step belongs to one"
    ),
    "syntax.without-id": "(without id)",
    "syntax.given-twice": "'{keyword}' is given twice in the {where} (first on line {line})",
    "syntax.in-calendar": "calendar",
    "syntax.in-header": "sop header",
    "syntax.in-approver": "approver",
    "syntax.x-makes-a-period": "'{word}' makes this a period, not a duration: a routine step says '{every_example}'",
    "syntax.unknown-unit": "unknown time unit '{unit}'; {units}",
    "syntax.indent-one": (
        "this line is indented by {indent} space, which matches no enclosing block "
        "(those are indented by {depths} spaces)"
    ),
    "syntax.indent": (
        "this line is indented by {indent} spaces, which matches no enclosing block "
        "(those are indented by {depths} spaces)"
    ),
    "syntax.tab": "tab used for indentation on line {line}; indent with spaces",
    "syntax.or-word": "or",
    "syntax.found-end-of-line": "end of line",
    "syntax.or": "{first} or {last}",
    "syntax.after-attribute": "after '{keyword}:'",
    "syntax.after-keyword": "after '{keyword}'",
    "syntax.or-colon": "{kind} or ':'",
    "syntax.durations": "such as '30 menit', '2 jam 30 menit' or '1-3 hari kerja'",
    "syntax.units": "use menit, jam, hari, hari kerja, minggu, bulan, tahun or their English names",
    "syntax.more": "more",
    "syntax.id": "an id",
    "syntax.text": "text",
    "syntax.quoted-text": "quoted text",
    "syntax.number": "a number",
    "syntax.spelled": "a spelled-out number in parentheses",
    "syntax.unit": "a time unit",
    "syntax.end-of-line": "the end of the line",
    "syntax.indented-block": "an indented block",
    "syntax.end-of-block": "the end of the block",
    "syntax.end-of-file": "the end of the file",
    "syntax.sop-title": "the SOP title",
    "syntax.role-name": "the role's name",
    "syntax.section-title": "the section title",
    "syntax.activity-text": "the activity text",
    "syntax.question-text": "the question or activity text",
    "syntax.role-id": "a role id",
    "syntax.sop-id": "an SOP id",
    "syntax.step-id": "a step id, {targets}",
    "logo.missing": "logo '{logo}' does not exist (looked for {path})",
    "logo.not-a-file": "logo '{logo}' is not a file ({path})",
    "logo.unreadable": "logo '{logo}' cannot be read: {reason}",
    "logo.not-an-image": "logo '{logo}' is not a PNG, JPEG or SVG image ({path})",
}
