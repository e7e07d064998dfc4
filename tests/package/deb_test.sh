#!/usr/bin/env bash
# The Debian package, as a user gets it: builds the .deb from a build folder
# with cpack, checks its control fields and contents, unpacks it with
# `dpkg -x` into a scratch root and runs the installed binary there on the
# corpus (text, Word, hostile files) and on a PDF; its findings must be the
# build's, byte for byte, with its rules, reader modules, parsed rule files
# and hunspell dictionary found from <root>/usr and /usr alone.
#
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR     (ctest: "package: deb")
# Exit 77 (skipped) without dpkg-deb or cpack.
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
for tool in dpkg-deb dpkg cpack; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
scratch=$(mktemp -d "${TMPDIR:-/tmp}/plancheck-deb-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1. Build the package (into the scratch folder: the build folder stays clean).
if ! (cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >cpack.log 2>&1); then
  cat "$scratch/cpack.log"
  echo "FAIL: cpack -G DEB failed"
  exit 1
fi
debs=("$scratch"/out/*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || { echo "FAIL: cpack wrote no single .deb: ${debs[*]}"; exit 1; }
deb=${debs[0]}
arch=$(dpkg --print-architecture)
version=$(dpkg-deb -f "$deb" Version)
[[ $(basename "$deb") == "plancheck_${version}_${arch}.deb" ]] || fail "file name $(basename "$deb")"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. Control fields: Depends from the shared libraries of the binary and of
# the reader modules (shlibdeps), Recommends for what is looked up at run time.
depends=$(dpkg-deb -f "$deb" Depends)
recommends=$(dpkg-deb -f "$deb" Recommends)
echo "Depends: $depends"
echo "Recommends: $recommends"
[[ $(dpkg-deb -f "$deb" Package) == plancheck ]] || fail "Package field"
[[ $(dpkg-deb -f "$deb" Architecture) == "$arch" ]] || fail "Architecture field"
for lib in libc6 libstdc++6 libzip libpoppler-cpp libhunspell libre2 libutf8proc libtree-sitter \
           libboost-program-options libyaml-cpp libpugixml; do
  # Each library plancheck or a module links dynamically must be depended on.
  if ldd "$build/checker/plancheck" "$build/checker/plancheck-serve" "$build/checker/plancheck-docx.so" \
         "$build/checker/plancheck-pdf.so" 2>/dev/null |
     grep -q "${lib#lib}"; then
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib, which the build links"
  fi
done
grep -q "hunspell-vi" <<<"$recommends" || fail "Recommends lacks hunspell-vi"
grep -q "libreoffice-writer-nogui" <<<"$recommends" || fail "Recommends lacks libreoffice-writer-nogui"

# apt's verdict: the package installs here with what it depends on (a
# simulation; nothing is installed).
if command -v apt-get >/dev/null; then
  if ! sim=$(timeout 120 apt-get -s -o Debug::NoLocking=1 install "$deb" 2>&1); then
    fail "apt-get -s install refuses the package: $(tail -5 <<<"$sim")"
  elif ! grep -q '^Inst plancheck \|plancheck is already the newest version' <<<"$sim"; then
    fail "apt-get -s install would not install plancheck: $(tail -5 <<<"$sim")"
  fi
fi

# 3. Contents.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$scratch/contents"
for f in /usr/bin/plancheck /usr/bin/plancheck-serve /usr/lib/plancheck/plancheck-docx.so /usr/lib/plancheck/plancheck-pdf.so \
         /usr/share/plancheck/rules/common/text.yaml /usr/share/plancheck/rules/registry/ \
         /usr/share/man/man1/plancheck.1.gz /usr/lib/systemd/system/plancheck.service \
         /usr/share/doc/plancheck/README.md /usr/share/doc/plancheck/rules.md; do
  grep -qxF "$f" "$scratch/contents" || fail "the package lacks $f"
done
grep -q '^/usr/lib/plancheck/rule-cache/.*\.yt$' "$scratch/contents" || fail "the package lacks the parsed rule files"
grep -q '^/usr/local\|^/home\|^/work\|^/tmp' "$scratch/contents" && fail "paths outside /usr: $(grep '^/usr/local\|^/home\|^/work\|^/tmp' "$scratch/contents" | head -3)"
# Installed, not enabled: no maintainer script and no .wants link start the service.
dpkg-deb -e "$deb" "$scratch/control"
for script in postinst preinst prerm postrm; do
  [[ -e $scratch/control/$script ]] && grep -q systemctl "$scratch/control/$script" && fail "$script runs systemctl"
done
grep -q '\.wants/' "$scratch/contents" && fail "the package enables a unit"

# 4. Unpack into a scratch root and run what was installed.
root=$scratch/root
dpkg -x "$deb" "$root"
bin=$root/usr/bin/plancheck
"$bin" --version | grep -qx "plancheck $version" || fail "--version: $("$bin" --version)"
# The binary is stripped (no debug sections in the package).
if command -v readelf >/dev/null && readelf -S "$bin" | grep -q '\.debug_info'; then fail "plancheck is not stripped"; fi
# `plancheck serve` runs the installed plancheck-serve beside it; plancheck
# itself does not load the server's libraries.
"$bin" serve --help | grep -q -- '--allow-remote' || fail "plancheck serve --help does not reach plancheck-serve"
if ldd "$bin" | grep -q httplib; then fail "plancheck links cpp-httplib (only plancheck-serve should)"; fi

unit=$root/usr/lib/systemd/system/plancheck.service
grep -q '^ExecStart=/usr/bin/plancheck serve ' "$unit" || fail "the unit does not run /usr/bin/plancheck serve"
grep -q -- '--host 127.0.0.1 --port 8080' "$unit" || fail "the unit does not default to 127.0.0.1:8080"
grep -q '^WantedBy=multi-user.target' "$unit" || fail "the unit has no [Install] target"
# systemd's own verdict on the unit (an unknown key or a bad value is a
# message), with ExecStart pointing at the unpacked binary.
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$scratch/unit"
  sed "s|/usr/bin/plancheck|$bin|" "$unit" > "$scratch/unit/plancheck.service"
  verdict=$(timeout 60 systemd-analyze verify --man=no "$scratch/unit/plancheck.service" 2>&1) ||
    fail "systemd-analyze verify failed: $verdict"
  [[ -z $verdict ]] || fail "systemd-analyze verify: $verdict"
fi

man=$root/usr/share/man/man1/plancheck.1.gz
zcat "$man" > "$scratch/plancheck.1"
grep -q '^\.TH PLANCHECK 1' "$scratch/plancheck.1" || fail "man page has no .TH"
# One section per command of `plancheck --help`, with that command's options.
for cmd in $("$bin" --help | awk '/^Commands:/{on=1; next} on && /^  [a-z]/{print $1; next} on{exit}'); do
  grep -qx "\.SH PLANCHECK ${cmd^^}" "$scratch/plancheck.1" || fail "man page lacks the command $cmd"
done
grep -q 'fail\\-on' "$scratch/plancheck.1" || fail "man page lacks check's options"
if command -v man >/dev/null; then
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$man" 2>&1 >/dev/null || true)
  [[ -z $warnings ]] || fail "man page warnings: $warnings"
fi

# The same findings as the build, with nothing from the build or the source
# tree: no PLANCHECK_RULES or PLANCHECK_PLUGIN_DIR, run from the scratch root.
mkdir -p "$scratch/work/cache-build" "$scratch/work/cache-installed"
cp -r "$src/corpus" "$scratch/work/corpus"
# A PDF of our own (an ASCII text layer): the PDF reader module must load.
python3 - "$scratch/work/corpus/plan.pdf" <<'PY'
import sys
text = b"BT /F1 12 Tf 72 720 Td (KE HOACH tuyen truyen nam 2025) Tj ET"
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
out, offsets = b"%PDF-1.4\n", []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
run() {  # run WHICH-BINARY CACHE ARGS...: stdout, exit code appended
  local b=$1 cache=$2; shift 2
  local code=0
  (cd "$scratch/work" && env -u PLANCHECK_RULES -u PLANCHECK_PLUGIN_DIR PLANCHECK_CACHE_DIR="$cache" \
     PLANCHECK_SOFFICE=off "$b" "$@" 2>&1) || code=$?
  echo "exit $code"
}
compare() {  # compare NAME ARGS...
  local name=$1; shift
  # Where the rules are is the one thing allowed to differ.
  run "$build/checker/plancheck" "$scratch/work/cache-build" "$@" | sed "s|$src/rules/|RULES/|g" > "$scratch/$name.build"
  run "$bin" "$scratch/work/cache-installed" "$@" | sed "s|$root/usr/share/plancheck/rules/|RULES/|g" > "$scratch/$name.installed"
  if ! cmp -s "$scratch/$name.build" "$scratch/$name.installed"; then
    fail "plancheck $* differs between the build and the package:"
    diff "$scratch/$name.build" "$scratch/$name.installed" | head -20 || true
  fi
}
compare text check --no-config --fail-on none corpus
compare json check --no-config --fail-on none --lang en --format json corpus
compare outline outline corpus/docx/plan-word-layouts.docx
compare pdf check --no-config --fail-on none --lang en corpus/plan.pdf
compare registry registry lookup 1676/QĐ-TTg
grep -q "text.typo" "$scratch/text.installed" || fail "the installed plancheck found no typo in the corpus"
grep -q "text.typo.syllable" "$scratch/text.installed" || fail "the installed plancheck found no damaged word (hunspell-vi?)"
grep -q "plan-word-layouts.docx:" "$scratch/text.installed" || fail "no finding on the Word files"
grep -qi "cannot read PDF\|reader module\|cannot be loaded" "$scratch/pdf.installed" && fail "the PDF module did not load: $(cat "$scratch/pdf.installed")"
# The package's parsed rule files served every shipped rule file.
written=$(find "$scratch/work/cache-installed" -name '*.yt' | wc -l)
[[ $written -eq 0 ]] || fail "the installed plancheck parsed $written shipped rule files again (rule-cache not found)"

# What the installed binary opens (when strace can trace here): its rules,
# modules and parsed rules from the unpacked /usr, the hunspell-vi lexicon
# from the system's /usr/share/hunspell, and nothing of the build or the source.
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
  (cd "$scratch/work" && env -u PLANCHECK_RULES -u PLANCHECK_PLUGIN_DIR PLANCHECK_CACHE_DIR="$scratch/work/cache-installed" \
     strace -f -qq -e trace=open,openat -o "$scratch/opened" "$bin" check --no-config --fail-on none \
     corpus/plans/text-damaged-words.txt corpus/docx/plan-word-layouts.docx corpus/plan.pdf >/dev/null 2>&1) || true
  # (no grep -q after a pipe: with pipefail its early exit fails the first grep by SIGPIPE)
  opened() { grep -v ENOENT "$scratch/opened" | grep -- "$1" >/dev/null; }
  opened "\"$root/usr/lib/plancheck/plancheck-docx.so\"" || fail "the .docx module was not opened from $root/usr/lib/plancheck"
  opened "\"$root/usr/lib/plancheck/plancheck-pdf.so\"" || fail "the PDF module was not opened from $root/usr/lib/plancheck"
  opened "\"$root/usr/lib/plancheck/rule-cache/" || fail "the parsed rules were not read from $root/usr/lib/plancheck/rule-cache"
  opened "\"$root/usr/share/plancheck/rules/" || fail "the rules were not read from $root/usr/share/plancheck/rules"
  if [[ -f /usr/share/hunspell/vi_VN.dic ]]; then
    opened '"/usr/share/hunspell/vi_VN.dic"' || fail "the hunspell-vi lexicon /usr/share/hunspell/vi_VN.dic was not opened"
  fi
  if grep -v ENOENT "$scratch/opened" | grep -- "\"$build/\|\"$src/" >/dev/null; then
    fail "the installed plancheck opened files of the build or the source: $(grep -v ENOENT "$scratch/opened" | grep -- "\"$build/\|\"$src/" | head -3)"
  fi
fi

# 5. lintian, when present: its verdict is shown, not enforced.
if command -v lintian >/dev/null; then
  echo "lintian:"
  lintian --no-tag-display-limit "$deb" 2>&1 | sed 's/^/  /' || true
fi

if ((failures)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "package: all checks passed"
