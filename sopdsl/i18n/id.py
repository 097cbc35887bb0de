"""The messages in Indonesian: message key -> template (see `sopdsl.i18n`), in the words of Indonesian SOPs."""

MESSAGES = {
    # How findings name what they point at (sopdsl/describe.py).
    "describe.step": "kegiatan",
    "describe.decision": "keputusan",
    "describe.named": "{keyword} '{name}'",
    "describe.section": "bagian '{id}'",
    "describe.the-flow": "alur",
    "describe.end": "selesai",
    "hint.did-you-mean": "mungkin maksudnya '{close}'?",
    "unit.minute": "menit",
    "unit.hour": "jam",
    "unit.workday": "hari kerja",
    "unit.calendar_day": "hari kalender",
    "unit.week": "minggu",
    "unit.month": "bulan",
    "unit.year": "tahun",
    # Rules (sopdsl/rules/; invalid-calendar's in sopdsl/analysis/calendar.py), by rule name.
    "activity-names-performer": (
        "kegiatan {step} diawali dengan pelaksananya '{subject}'; tulis sebagai kata kerja tanpa subjek, "
        "misalnya {advice}: kolom Pelaksana sudah menunjukkan siapa yang melaksanakannya"
    ),
    "activity-names-performer.verb": "sebuah kata kerja",
    "branch-outside-decision.next": (
        "{step} berisi 'lanjut: {target}', padahal keputusan hanya berlanjut lewat cabang-cabangnya; "
        "tulis sebagai cabang ('ya:', 'tidak:' atau 'cabang \"<label>\":')"
    ),
    "branch-outside-decision.branch": (
        "{step} adalah kegiatan biasa tetapi memiliki cabang {branch}; "
        "jadikan 'keputusan', atau ganti cabang-cabangnya dengan satu 'lanjut'"
    ),
    "date-order": (
        "tanggal '{keyword}' ({printed}: {date}) lebih awal daripada tanggal '{created_keyword}' "
        "({created_printed}: {created}); "
        "periksa tahun dan bulan kedua tanggal itu"
    ),
    "decision-branches.none": (
        "{step} tidak memiliki cabang; beri sekurang-kurangnya dua, misalnya 'ya:' dan 'tidak:', "
        "atau jadikan 'kegiatan'"
    ),
    "decision-branches.one": (
        "{step} hanya memiliki satu cabang ('{branch}'); tambahkan jawaban yang lain, "
        "atau jadikan 'kegiatan' dengan 'lanjut'"
    ),
    "decision-branches.same-label": (
        "{step} memiliki dua cabang berlabel '{label}' (yang pertama di baris {line}); "
        "beri setiap jawaban labelnya sendiri"
    ),
    "decision-branches.one-target": (
        "semua cabang {step} menuju {target}, sehingga jawabannya tidak mengubah apa pun; "
        "arahkan setiap jawaban ke kegiatannya sendiri, atau jadikan 'kegiatan'"
    ),
    "duplicate-id.role": "id pelaksana '{id}' sudah dipakai di baris {line}",
    "duplicate-id.section": "id bagian '{id}' sudah dipakai di baris {line}",
    "duplicate-id.step": "id kegiatan '{id}' sudah dipakai di baris {line}",
    "evaluation-due.evaluated": (
        "SOP '{sop}' terakhir dievaluasi pada {date}, lebih dari {interval} sebelum {today}; "
        "evaluasilah menurut tujuh kriteria Permenpan RB 35/2012 dan tambahkan 'dievaluasi: <tanggal>'"
    ),
    "evaluation-due.effective": (
        "SOP '{sop}' efektif sejak {date} dan belum dievaluasi dalam {interval} sesudahnya, per {today}; "
        "evaluasilah menurut tujuh kriteria Permenpan RB 35/2012 dan tambahkan 'dievaluasi: <tanggal>'"
    ),
    "invalid-calendar.range": "kalender '{entry}' harus satu lama waktu, bukan rentang '{wording}'",
    "invalid-calendar.unit": (
        "kalender '{entry}' tidak dapat ditulis dalam '{unit}': gunakan satuan yang lebih kecil ({units})"
    ),
    "invalid-calendar.zero": "kalender '{entry}' harus lebih dari nol",
    "logo-not-found": "{reason}; dokumen dicetak tanpa logo itu",
    "missing-metadata": (
        "identitas SOP '{sop}' belum memuat '{keyword}' ({printed}); tambahkan, misalnya '{keyword}: {example}'"
    ),
    "missing-role": "{step} tidak memiliki pelaksana; tambahkan 'oleh: <pelaksana>' yang menyebut pelaksananya",
    "missing-time": (
        "{step} tidak memiliki waktu, sehingga kolom Waktu tercetak kosong dan dihitung 0 dalam jumlah waktu; "
        "tambahkan 'waktu: <lama>', atau 'waktu: \"<teks>\"' bila sumbernya tidak menyebut angka"
    ),
    "no-path-to-end": (
        "dari {step} tidak ada jalan yang sampai ke akhir {flow}: setiap jalan berputar kembali; "
        "beri putaran itu jalan keluar dengan cabang atau 'lanjut' yang menuju 'selesai'"
    ),
    "self-loop": (
        "{step} kembali ke dirinya sendiri; arahkan panah ini ke kegiatan yang memperbaiki pekerjaan, "
        "atau ke kegiatan berikutnya"
    ),
    "sla-exceeded.budget": "batas waktu (sla) {sla} ({minutes} menit kerja)",
    "sla-exceeded.time": "{words} ({minutes} menit kerja)",
    "sla-exceeded.at-least": (
        "SOP '{sop}' memerlukan sekurang-kurangnya {time} pada alur biasanya, lebih dari {budget}; "
        "persingkat waktu kegiatannya, atau periksa sla-nya"
    ),
    "sla-exceeded.up-to": (
        "SOP '{sop}' dapat memerlukan hingga {time} pada alur biasanya, lebih dari {budget}; "
        "perketat batas atas waktu kegiatannya, atau periksa sla-nya"
    ),
    "sla-exceeded.longest": (
        "jalur terpanjang SOP '{sop}' memerlukan {time}, lebih dari {budget}; "
        "persingkat kegiatan pada jalur itu, atau periksa sla-nya"
    ),
    "unknown-role": "{step} dilaksanakan oleh '{role}', yang tidak dideklarasikan sebagai pelaksana; {fix}",
    "unknown-role.declare": "deklarasikan dengan 'pelaksana {role}: <nama>' atau sebut salah satu pelaksana yang ada",
    "unknown-sop.related-library": (
        "SOP terkait '{sop}' tidak ada di pustaka; periksa id-nya, atau tulis judul SOP di luar pustaka "
        "dalam tanda kutip"
    ),
    "unknown-sop.related-files": (
        "SOP terkait '{sop}' tidak ada di antara berkas yang diperiksa; periksa id-nya, "
        "atau tulis judul SOP di luar pustaka dalam tanda kutip"
    ),
    "unknown-sop.uses-library": (
        "{step} memakai SOP '{sop}', yang tidak ada di pustaka; periksa id-nya, atau tambahkan SOP itu ke pustaka"
    ),
    "unknown-sop.uses-files": (
        "{step} memakai SOP '{sop}', yang tidak ada di antara berkas yang diperiksa; "
        "periksa id-nya, atau periksa berkas ini bersama SOP itu"
    ),
    "unknown-target": "{step} menuju '{target}', yang bukan kegiatan dalam {flow}; {fix}",
    "unknown-target.elsewhere": (
        "'{target}' ada di {flow}, dan tujuan panah tidak boleh keluar dari bagiannya; "
        "pindahkan kegiatan itu atau akhiri alur ini dengan 'selesai'"
    ),
    "unknown-target.name-one": "sebut id kegiatan dalam alur ini, 'berikut' atau 'selesai'",
    "unquantified-time": (
        "waktu {step} berupa teks, sehingga dihitung 0 dalam jumlah waktu; "
        "tulis sebagai lama waktu (misalnya '2 hari kerja' atau '1-3 hari') bila ada"
    ),
    "unreachable-step": (
        "{step} tidak pernah tercapai: tidak ada jalan dari awal {flow} yang menuju ke sana; "
        "lanjutkan kegiatan sebelumnya ke kegiatan ini, atau sebut dalam 'lanjut' atau cabang"
    ),
    "unused-ignore.file": "tidak ada temuan di berkas ini yang perlu dibungkam; hapus komentar ini",
    "unused-ignore.file-rule": "tidak ada temuan '{rule}' di berkas ini yang perlu dibungkam; hapus komentar ini",
    "unused-ignore.no-rule": "komentar ini tidak menyebut aturan yang dibungkam; tulis '# sopdsl: ignore[nama-aturan]'",
    "unused-ignore.unknown-rule": "aturan '{rule}' tidak ada; `sopdsl rules` mendaftar semua aturan",
    "unused-ignore.unsilenceable": "temuan '{rule}' tidak dapat dibungkam",
    "unused-ignore.own-line": (
        "komentar pada barisnya sendiri tidak membungkam apa pun; letakkan 'ignore[{rule}]' di akhir baris"
    ),
    "unused-ignore.line": "tidak ada temuan '{rule}' di baris ini yang perlu dibungkam",
    "unused-ignore.block": "tidak ada temuan '{rule}' di blok ini yang perlu dibungkam",
    "unused-role": (
        "pelaksana '{role}' tidak melaksanakan kegiatan apa pun dan akan tercetak sebagai kolom kosong; "
        "sebut dalam 'oleh' suatu kegiatan atau hapus"
    ),
    "reversed-range": (
        "{what} '{wording}' adalah rentang dari {low} turun ke {high}; tulis angka yang lebih kecil lebih dulu; "
        "sampai diperbaiki, {consequence}"
    ),
    "reversed-range.step-left-out": "jumlah waktu tidak menghitung {step}",
    "reversed-range.sla-left-out": "batas waktu (sla) tidak dibandingkan dengan jumlah waktu",
    "duplicate-sop": (
        "id SOP '{sop}' juga dideklarasikan oleh {others}; `memakai` dan `keterkaitan` tidak dapat membedakan "
        "SOP-SOP ini, jadi beri masing-masing id sendiri"
    ),
    "duplicate-sop.more": "{named} dan {count} lainnya",
    "self-reference.related": (
        "SOP '{sop}' mencantumkan dirinya sendiri sebagai keterkaitan; sebutkan SOP lain di sini, atau hapus butir ini"
    ),
    "self-reference.uses": (
        "{step} memakai SOP '{sop}', yaitu SOP yang memuatnya sendiri, sehingga tidak dapat diikuti dari dalamnya; "
        "sebutkan SOP lain, atau hapus 'memakai' dan beri kegiatan ini 'waktu' sendiri"
    ),
    "uses-cycle": (
        "SOP '{sop}' memakai '{used}', yang kembali lagi kepadanya melalui putaran {size} SOP: {cycle}; "
        "SOP tidak dapat menjadi bagian dari dirinya sendiri, jadi ganti salah satu 'memakai' dalam putaran ini "
        "dengan 'waktu'"
    ),
    "uses-cycle.more": "… ({count} lagi)",
    # The text report's summary (sopdsl/reporters/text_reporter.py).
    "summary": "{files}: {findings}",
    "summary.no-findings": "tidak ada temuan",
    "summary.file": "{count} berkas diperiksa",
    "summary.files": "{count} berkas diperiksa",
    "summary.error": "{count} kesalahan",
    "summary.errors": "{count} kesalahan",
    "summary.warning": "{count} peringatan",
    "summary.warnings": "{count} peringatan",
    "summary.info": "{count} info",
    "summary.infos": "{count} info",
    # The text table of `sopdsl stats` (sopdsl/commands/stats.py).
    "stats.flow": "alur",
    "stats.steps": "kegiatan",
    "stats.typical": "biasanya",
    "stats.min": "paling cepat",
    "stats.max": "paling lama",
    "stats.main-flow": "(alur)",
    "stats.total": "jumlah",
    "stats.loops": "putaran (sekali lagi, dari tujuan ke asal):",
    "stats.unquantified": "waktu tak terukur (dihitung 0): {steps}",
    # What the commands report besides findings (sopdsl/cli.py, sopdsl/commands/, sopdsl/watch.py).
    "cli.error": "sopdsl: kesalahan: {error}",
    "cli.interrupted": "sopdsl: dihentikan",
    "cli.internal-error": "sopdsl: kesalahan internal: {kind}: {error}",
    "cli.settings-file": "berkas pengaturan: {path}",
    "cli.no-settings-file": "(tidak ada: pengaturan bawaan)",
    "fmt.reformatted": "dirapikan: {path}",
    "fmt.would-reformat": "perlu dirapikan: {path}",
    "fmt.unsafe": "sopdsl: kesalahan internal: {path} tidak dapat dirapikan dengan aman: {error}",
    "watch.changed": "sopdsl: berubah: {names}",
    "serve.serving": "sopdsl serve: {url} (melayani {folders}; Ctrl+C menghentikan)",
    "serve.stopped": "sopdsl serve: dihentikan",
    "form.wrote-monitoring": "sopdsl: formulir monitoring untuk {count} SOP ditulis ke {path}",
    "form.wrote-evaluation": "sopdsl: formulir evaluasi untuk {count} SOP ditulis ke {path}",
    "build.pdf-skipped": "PDF dilewati: {error}",
    "build.built": "sopdsl: {count} SOP dibuat di {folder} ({made} dibuat ulang)",
    "chromium.missing": (
        "keluaran PDF memerlukan Chromium: pasang paket Debian 'chromium' atau isi {variable} dengan program "
        "Chrome/Chromium"
    ),
    "chromium.not-executable": (
        "keluaran PDF memerlukan Chromium, tetapi {executable} bukan program yang dapat dijalankan: pasang paket "
        "Debian 'chromium' atau isi {variable} dengan program Chrome/Chromium"
    ),
    "chromium.cannot-start": "Chromium tidak dapat dijalankan ({executable}): {reason}",
    "chromium.timeout": "Chromium tidak selesai {doing} dalam {seconds} detik",
    # argparse's errors, said again (sopdsl/cli.py); the English templates are argparse's own words.
    "argparse.usage": "penggunaan: ",
    "argparse.positionals": "argumen posisi",
    "argparse.options": "opsi",
    "argparse.error": "{prog}: kesalahan: {message}",
    "argparse.required": "argumen berikut wajib diberikan: {names}",
    "argparse.unrecognized": "argumen tidak dikenal: {names}",
    "argparse.choice": "argumen {argument}: pilihan {value} tidak sah (pilih salah satu dari {choices})",
    "argparse.expected-one": "argumen {argument}: perlu satu nilai",
    "argparse.argument": "argumen {argument}: {message}",
    # Usage errors: the command line, the settings (sopdsl/config.py), files that cannot be read or written.
    "usage.jobs": "seharusnya jumlah proses berupa bilangan bulat dari 1 sampai {most}, bukan {value}",
    "usage.watchfiles": "--watch memerlukan paket watchfiles: pip install 'sopdsl[watch]'",
    "usage.watch-stdin": "--watch tidak dapat memantau masukan standar (-)",
    "usage.cannot-listen": "tidak dapat mendengarkan di {host}:{port}: {reason}",
    "usage.output-is-folder": "{path} adalah folder: beri berkas yang akan ditulis",
    "usage.form-exists": "{path} sudah ada (mungkin formulir yang sudah diisi): beri --force untuk menggantinya",
    "usage.rows-per-page": (
        "baris per halaman harus N atau PERTAMA,BERIKUTNYA (bilangan bulat sekurang-kurangnya 1), bukan {value}"
    ),
    "usage.needs-extra": "keluaran {format} memerlukan paket `{module}`: pip install 'sopdsl[{extra}]'",
    "usage.diff-git": "diff --git REV BERKAS menerima satu berkas, bukan {count}",
    "usage.diff-files": "diff menerima dua berkas: LAMA BARU, bukan {count}",
    "usage.diff-folder": "{path} adalah folder: diff membandingkan dua berkas .sop",
    "usage.not-a-file": "{path} bukan berkas",
    "usage.and": " dan ",
    "usage.no-configuration": "tanpa pengaturan",
    "usage.not-a-rule": "{where}: {name} bukan aturan; `sopdsl rules` mendaftar semua aturan",
    "usage.different-configurations": (
        "path yang diberikan memiliki pengaturan yang berbeda ({names}); periksa secara terpisah atau beri --config"
    ),
    "usage.no-table": "{path}: tidak memiliki tabel [tool.sopdsl]",
    "usage.unknown-key": "{where}: kunci '{key}' tidak dikenal; kuncinya adalah {keys}",
    "usage.strict": "{where}: strict harus true atau false",
    "usage.lang-setting": '{where}: lang = {value}; gunakan "id" atau "en"',
    "usage.labels-table": '{where} harus berupa tabel label = "teks", misalnya {{ activity = "Uraian Prosedur" }}',
    "usage.labels-unknown": "{where}: label '{key}' tidak dikenal; labelnya adalah {keys}",
    "usage.labels-text": "{where}: {key} harus berupa teks label",
    "usage.per-file-ignores": '{where} harus berupa tabel "glob" = [nama aturan]',
    "usage.globs": '{where} harus berupa daftar glob, misalnya ["drafts", "old/*.sop"]',
    "usage.unreadable-configuration": "{path}: pengaturan tidak dapat dibaca: {reason}",
    "usage.not-toml": "{path}: bukan TOML yang sah: {error}",
    "usage.tool-table": "{path}: [tool.sopdsl] harus berupa tabel",
    "usage.cannot-ignore": "{where}: '{rule}' tidak dapat diabaikan",
    "usage.rule-list": "{where} harus berupa daftar nama aturan",
    "usage.severity-table": '{where} harus berupa tabel aturan = "error" | "warning" | "info"',
    "usage.fixed-severity": "{where}: tingkat '{rule}' tidak dapat diubah",
    "usage.severity": '{where}: {rule} = {value}; gunakan "error", "warning" atau "info"',
    "usage.calendar-table": "{where} harus berupa tabel dengan {entries}",
    "usage.calendar-entry": "{where}: isian '{key}' tidak dikenal; isiannya adalah {entries}",
    "usage.calendar-duration": (
        '{where}: {key} harus berupa lama waktu dalam satu baris, misalnya "8 jam" atau "5 hari"'
    ),
    "usage.holidays": '{where} harus berupa daftar tanggal, misalnya "2026-12-24"',
    "usage.holiday": "{where}: {value} bukan tanggal yang ditulis TTTT-BB-HH",
    "usage.evaluation-interval": '{where} harus berupa lama waktu dalam satu baris, misalnya "1 tahun" atau "6 bulan"',
    "usage.interval-unreadable": (
        "{where} = {value} bukan lama waktu; berikan tahun, bulan, minggu atau hari, "
        "misalnya \"1 tahun\" atau \"6 bulan\""
    ),
    "usage.setting-value": "{where}: {key} = {value}: {reason}",
    "usage.setting-problem": "{where}: {reason}",
    "usage.interval-range": "'{wording}' berupa rentang; berikan satu lama waktu, misalnya '{example}'",
    "usage.interval-whole": "'{wording}' bukan bilangan bulat; berikan tahun, bulan, minggu atau hari yang utuh",
    "usage.interval-unit": "'{wording}' terlalu pendek untuk selang evaluasi; berikan tahun, bulan, minggu atau hari",
    "usage.interval-zero": "'{wording}' harus lebih dari nol",
    "usage.date": "diharapkan tanggal TTTT-BB-HH, bukan {value}",
    "usage.port": "diharapkan nomor port dari 0 sampai 65535, bukan {value}",
    "usage.lsp-needs-pygls": "sopdsl lsp memerlukan pygls: pip install 'sopdsl[lsp]'",
    "usage.unknown-format": "format {name} tidak dikenal; pilih salah satu dari {formats}",
    "usage.due-after-last-date": (
        "{days} hari kerja sejak {start} jatuh tempo sesudah {last}, tanggal terakhir yang ada"
    ),
    "usage.no-such-path": "berkas atau folder tidak ditemukan: {path}",
    "usage.no-such-file": "berkas tidak ditemukan: {path}",
    "output.outside": "tidak menulis {path} di luar {root}",
    "output.folder-in-the-way": "tidak dapat menulis {path}: ada folder dengan nama itu",
    "output.read-only": (
        "{path} hanya-baca: dibiarkan apa adanya (beri izin tulis agar sopdsl dapat menulisnya ulang)"
    ),
    "output.folder-not-writable": "tidak dapat menulis {path}: foldernya {folder} tidak dapat ditulisi",
    "output.removed-meanwhile": "{path} dihapus ketika sedang dirapikan: tidak ditulis",
    "output.changed-meanwhile": "{path} berubah di disk ketika sedang dirapikan: versi yang lebih baru dibiarkan",
    "usage.no-sop-files": "tidak ada berkas .sop di {paths}",
    "usage.not-a-regular-file": "{path} bukan berkas biasa (perangkat, pipe atau socket): beri berkas .sop",
    "usage.cannot-read": "{path} tidak dapat dibaca: {reason}",
    "usage.cannot-write": "{path} tidak dapat ditulis: {reason}",
    "usage.cannot-write-into": "tidak dapat menulis ke {path}: {reason}",
    "usage.not-a-folder": "{path} sudah ada dan bukan folder",
    "usage.render-folder": (
        "{path} adalah folder: render menerima satu berkas .sop (gunakan `sopdsl build` untuk sebuah pustaka)"
    ),
    "usage.output-is-source": "-o {path} adalah SOP yang sedang dicetak: sumbernya tidak akan ditimpa",
    "usage.binary-output": "keluaran {format} berupa biner: beri -o BERKAS, atau alihkan keluaran standar",
    "usage.no-rule": "tidak ada aturan bernama {name}{hint}",
    "usage.rule-hint": "; mungkin maksudnya {close}?",
    "usage.rules-list": "; `sopdsl rules` mendaftar semua aturan",
    "usage.git-revision": "--git: {revision} bukan revisi git",
    "usage.git-missing": "--git memerlukan program git, yang tidak ditemukan di PATH",
    "usage.git-failed": "git tidak dapat dijalankan: {error}",
    "usage.git-exit": "git berhenti dengan kode {code}",
    "usage.git-show": "{path} pada {revision}: {reason}",
    "usage.git-not-utf8": "{path} pada {revision} bukan teks UTF-8",
    "usage.holidays-package": "tanggal jatuh tempo memerlukan paket 'holidays': pip install 'sopdsl[dates]'",
    "usage.due-week": (
        "{sop}: minggu kalendernya {days} hari kerja; tanggal jatuh tempo memerlukan 1 sampai 7 hari utuh"
    ),
    "usage.not-a-sop-file": "{path} bukan berkas .sop",
    "usage.openpyxl": "membaca formulir memerlukan openpyxl: pip install 'sopdsl[office]'",
    "usage.not-xlsx": "{path}: bukan buku kerja xlsx ({error})",
    "usage.not-a-form": "{path}: bukan formulir yang ditulis `sopdsl form` (tidak ada lembar '{sheet}')",
    "usage.form-kind": "{path}: lembar '{sheet}' tidak menyebut jenis formulir",
    "usage.sheet-missing": "{path}: lembar '{sheet}' tidak ada",
    "usage.sheet-keys": "{path}: lembar '{sheet}' kehilangan baris tersembunyi berisi kunci kolom",
    "usage.sheet-column": "{path}: lembar '{sheet}' kehilangan kolom '{column}'",
    # Syntax errors (sopdsl/parse/): the situations of messages.py, the words they are made of, the other errors.
    "syntax.text-after-quote": "teks berlanjut setelah tanda kutip penutup; kutip seluruh teks atau tidak sama sekali",
    "syntax.unclosed-quote": "teks berkutip yang dibuka di baris {s.error.line} tidak pernah ditutup",
    "syntax.lone-carriage-return": (
        "ada carriage return (CR) tanpa line feed sesudahnya; simpan berkas dengan akhir baris LF atau CRLF"
    ),
    "syntax.only-comments": "berkas hanya berisi komentar dan baris kosong; berkas .sop diawali dengan '{sop_line}'",
    "syntax.calendar-without-entries": (
        "seharusnya isian kalender ({calendar_entries}) menjorok di bawah '{s.key.value}:', "
        "tetapi yang ditemukan '{s.found}'"
    ),
    "syntax.list-without-items": (
        "seharusnya ada nilai setelah '{s.key.value}:', atau butir-butirnya menjorok di bawahnya sebagai '- butir', "
        "tetapi yang ditemukan '{s.found}'"
    ),
    "syntax.unexpected-indentation": (
        "indentasi tidak pada tempatnya: hanya identitas sop, daftar, kalender, kegiatan dan keputusan "
        "yang boleh memiliki blok menjorok"
    ),
    "syntax.unknown-attribute": (
        "atribut '{s.found}' tidak dikenal di sini; kegiatan atau keputusan dapat berisi {attributes}"
    ),
    "syntax.unknown-field": "isian '{s.found}' tidak dikenal dalam identitas sop; isiannya adalah {fields}",
    "syntax.unknown-calendar-entry": "isian kalender '{s.found}' tidak dikenal; gunakan {calendar_choice}",
    "syntax.approver-without-entries": (
        "seharusnya baris penandatangan ({approver_entries}) menjorok di bawah '{s.key.value}:', "
        "tetapi yang ditemukan '{s.found}'"
    ),
    "syntax.unknown-approver-entry": "baris penandatangan '{s.found}' tidak dikenal; gunakan {approver_choice}",
    "syntax.line-after-header": "seharusnya baris diawali {openers}, tetapi yang ditemukan '{s.found}'",
    "syntax.line-start": "seharusnya baris diawali {s.expected_openers}, tetapi yang ditemukan '{s.found}'",
    "syntax.no-sop-line": "berkas .sop diawali dengan '{sop_line}', tetapi yang ditemukan '{s.found}'",
    "syntax.text-missing-alone": "seharusnya ada teks",
    "syntax.title-missing": "seharusnya ada {s.title} setelah ':'",
    "syntax.text-missing": "seharusnya ada teks {s.after}",
    "syntax.period-missing": "seharusnya ada periode {s.after}, misalnya 'bulan', '3 bulan' atau '1 x 3 bulan'",
    "syntax.range-after-terms": "rentang tidak boleh mengikuti suku waktu lain; {range_or_terms}",
    "syntax.terms-after-range": "suku waktu lain tidak boleh mengikuti rentang; {range_or_terms}",
    "syntax.range-or-terms": (
        "tulis rentangnya saja, misalnya '1-2 jam', atau suku waktunya saja, misalnya '1 jam 30 menit'"
    ),
    "syntax.number-too-long": "angka terlalu panjang: paling banyak {most} digit {side} tanda desimal, ada {found}",
    "syntax.before-the-mark": "sebelum",
    "syntax.after-the-mark": "sesudah",
    "syntax.term-or-end": (
        "seharusnya ada suku '<angka> <satuan>' berikutnya atau akhir baris, tetapi yang ditemukan '{s.found}'"
    ),
    "syntax.time-missing": (
        "seharusnya ada lama waktu {s.after}, {durations}; waktu yang bukan angka ditulis dalam tanda kutip: "
        "{time_example}"
    ),
    "syntax.duration-missing": "seharusnya ada lama waktu {s.after}, {durations}",
    "syntax.unit-missing": "seharusnya ada satuan waktu, tetapi yang ditemukan '{s.found}'; {units}",
    "syntax.id-missing": "seharusnya ada {s.id_wanted}, tetapi yang ditemukan '{s.found}'",
    "syntax.colon-missing": "seharusnya ada ':' di sini, tetapi yang ditemukan '{s.found}'",
    "syntax.role-list-goes-on": (
        "seharusnya ada id pelaksana lain setelah ',' atau akhir baris, tetapi yang ditemukan '{s.found}'"
    ),
    "syntax.line-goes-on": "seharusnya baris berakhir di sini, tetapi yang ditemukan '{s.found}'",
    "syntax.unexpected": "'{s.found}' tidak pada tempatnya; seharusnya {s.expected_phrase}",
    "syntax.empty-file": "berkas ini kosong; berkas .sop diawali dengan '{sop_line}'",
    "syntax.nul-byte": "berkas ini memuat bita NUL: isinya biner, bukan berkas teks .sop",
    "syntax.not-utf8": "bita 0x{byte} bukan UTF-8 yang sah; simpan berkas sebagai UTF-8",
    "syntax.not-a-real-date": "'{value}' bukan tanggal yang ada",
    "syntax.not-a-date": "'{value}' bukan tanggal yang ditulis TTTT-BB-HH (misalnya 2024-05-29)",
    "syntax.before-first-section": (
        "{keyword} {name} ada sebelum bagian pertama; bila berkas memiliki bagian, setiap kegiatan termasuk "
        "dalam salah satunya"
    ),
    "syntax.without-id": "(tanpa id)",
    "syntax.given-twice": "'{keyword}' ditulis dua kali dalam {where} (pertama di baris {line})",
    "syntax.in-calendar": "kalender",
    "syntax.in-header": "identitas sop",
    "syntax.in-approver": "penandatangan",
    "syntax.x-makes-a-period": (
        "'{word}' menjadikan ini periode, bukan lama waktu: kegiatan rutin ditulis '{every_example}'"
    ),
    "syntax.unknown-unit": "satuan waktu '{unit}' tidak dikenal; {units}",
    "syntax.indent-one": (
        "baris ini menjorok {indent} spasi, yang tidak cocok dengan blok mana pun di atasnya "
        "(blok-blok itu menjorok {depths} spasi)"
    ),
    "syntax.indent": (
        "baris ini menjorok {indent} spasi, yang tidak cocok dengan blok mana pun di atasnya "
        "(blok-blok itu menjorok {depths} spasi)"
    ),
    "syntax.tab": "tab dipakai untuk indentasi di baris {line}; gunakan spasi",
    "syntax.or-word": "atau",
    "syntax.found-end-of-line": "akhir baris",
    "syntax.or": "{first} atau {last}",
    "syntax.after-attribute": "setelah '{keyword}:'",
    "syntax.after-keyword": "setelah '{keyword}'",
    "syntax.or-colon": "{kind} atau ':'",
    "syntax.durations": "misalnya '30 menit', '2 jam 30 menit' atau '1-3 hari kerja'",
    "syntax.units": "gunakan menit, jam, hari, hari kerja, minggu, bulan, tahun atau padanan Inggrisnya",
    "syntax.more": "lanjutannya",
    "syntax.id": "sebuah id",
    "syntax.text": "teks",
    "syntax.quoted-text": "teks berkutip",
    "syntax.number": "angka",
    "syntax.spelled": "angka yang dieja dalam kurung",
    "syntax.unit": "satuan waktu",
    "syntax.end-of-line": "akhir baris",
    "syntax.indented-block": "blok yang menjorok",
    "syntax.end-of-block": "akhir blok",
    "syntax.end-of-file": "akhir berkas",
    "syntax.sop-title": "nama SOP",
    "syntax.role-name": "nama pelaksana",
    "syntax.section-title": "judul bagian",
    "syntax.activity-text": "uraian kegiatan",
    "syntax.question-text": "pertanyaan atau uraian kegiatan",
    "syntax.role-id": "id pelaksana",
    "syntax.sop-id": "id SOP",
    "syntax.step-id": "id kegiatan, {targets}",
    "logo.missing": "logo '{logo}' tidak ada (dicari di {path})",
    "logo.not-a-file": "logo '{logo}' bukan berkas ({path})",
    "logo.unreadable": "logo '{logo}' tidak dapat dibaca: {reason}",
    "logo.not-an-image": "logo '{logo}' bukan gambar PNG, JPEG atau SVG ({path})",
}

SUMMARIES = {
    "syntax-error": "berkas tidak dapat diurai (atau diindentasi dengan tab, atau lama waktunya salah tulis)",
    "duplicate-id": "dua pelaksana, bagian atau kegiatan memakai id yang sama",
    "unknown-role": "`oleh` menyebut pelaksana yang tidak dideklarasikan",
    "missing-role": "kegiatan atau keputusan tidak memiliki `oleh`",
    "unused-role": "pelaksana yang dideklarasikan tidak melaksanakan kegiatan apa pun",
    "unknown-target": "`lanjut` atau cabang menyebut kegiatan yang tidak ada dalam alurnya",
    "branch-outside-decision": "`ya`, `tidak` atau `cabang` pada kegiatan biasa, atau `lanjut` pada keputusan",
    "decision-branches": (
        "keputusan dengan kurang dari dua cabang, dua cabang berlabel sama, atau semua cabang ke satu tujuan"
    ),
    "unreachable-step": "tidak ada jalan dari awal alur yang sampai ke kegiatan itu",
    "no-path-to-end": "dari kegiatan itu tidak ada jalan yang sampai ke `selesai` (putaran tanpa jalan keluar)",
    "self-loop": "`lanjut` atau cabang suatu kegiatan menuju kegiatan itu sendiri",
    "missing-time": "kegiatan tidak memiliki `waktu` (dan tidak `memakai` SOP lain yang memberinya)",
    "unquantified-time": "`waktu` berupa teks, sehingga tidak dihitung dalam jumlah waktu",
    "sla-exceeded": (
        "batas bawah jumlah waktu biasanya pun melampaui `batas-waktu` (kesalahan); hanya batas atasnya, "
        "atau jumlah waktu terlama, yang melampauinya (peringatan)"
    ),
    "missing-metadata": "identitas SOP belum memuat `nomor`, `efektif` atau `disahkan-oleh`",
    "date-order": "`efektif` lebih awal daripada `dibuat`, atau `direvisi` lebih awal daripada `dibuat`",
    "unknown-sop": (
        "`keterkaitan` atau `memakai` menyebut id SOP yang tidak ada di antara berkas yang diperiksa "
        "(info untuk satu berkas saja)"
    ),
    "uses-cycle": "SOP saling `memakai` dalam satu putaran",
    "invalid-calendar": "isian `kalender` memakai satuan yang tidak lebih kecil darinya, rentang, atau nol",
    "unused-ignore": "komentar `# sopdsl: ignore[...]` tidak membungkam apa pun, atau tidak menyebut aturan",
    "duplicate-sop": "dua berkas dalam himpunan yang diperiksa mendeklarasikan id SOP yang sama",
    "reversed-range": "batas bawah suatu rentang lebih besar daripada batas atasnya (`5-2 jam`)",
    "self-reference": "`keterkaitan` atau `memakai` menyebut SOP itu sendiri",
    "logo-not-found": "`logo` menyebut berkas yang tidak ada, atau bukan gambar PNG, JPEG atau SVG",
    "evaluation-due": (
        "tanggal `dievaluasi` terakhir (atau `efektif`, bila belum pernah dievaluasi) sudah melewati "
        "selang evaluasi (pengaturan `evaluation-interval`, bawaan `1 tahun`) pada hari pemeriksaan"
    ),
    "activity-names-performer": (
        "uraian kegiatan diawali nama pelaksananya sendiri (Permenpan RB 35/2012 menulis kegiatan sebagai "
        "kata kerja tanpa subjek; kolom Pelaksana sudah menunjukkan siapa)"
    ),
}
"""The rules' one-line summaries in Indonesian, for `sopdsl rules`; English takes each rule's own."""
