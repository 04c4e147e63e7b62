#!/usr/bin/env bash
# Run each fuzz target for a bounded time, one after the other:
#   fuzz/run.sh SECONDS TARGET...
# Installs cargo-fuzz where it is missing and uses the nightly toolchain where there is
# one (libFuzzer's instrumentation needs unstable flags); on a stable-only machine the
# same flags are unlocked with RUSTC_BOOTSTRAP. Seeds come from data/ and, where present,
# a few texts of ../shared/corpus-en; they are copied into fuzz/corpus/ at run time.
# A crash leaves its input in fuzz/artifacts/TARGET/ and makes the script exit 1 after
# the remaining targets have run.
set -u
cd "$(dirname "$0")/.."
seconds=${1:-120}
shift || true
targets=${*:-read_bytes references vote diff votes_csv docx pdf_text}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "installing cargo-fuzz"
    cargo install cargo-fuzz --locked || exit 1
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    fuzz() { cargo +nightly fuzz "$@"; }
else
    fuzz() { RUSTC_BOOTSTRAP=1 cargo fuzz "$@"; }
fi

english_samples() {
    local dir=../shared/corpus-en
    [ -d "$dir" ] && ls "$dir"/*.txt 2>/dev/null | sort | awk 'NR % 65 == 1' | head -10
}

# Whole files for the reader, pairs of whole files for the diff; single paragraphs
# (blank-line separated) for the others, since they are called on one paragraph or one
# voting block at a time.
seed() {
    local target=$1 dir=fuzz/corpus/$1
    mkdir -p "$dir"
    local files
    files="$(ls data/*.txt) $(english_samples)"
    case $target in
        read_bytes)
            for f in $files; do cp "$f" "$dir/$(basename "$f")"; done ;;
        diff)
            # Two texts joined by a NUL byte: each text with the next one (a series).
            local previous=""
            for f in $files; do
                if [ -n "$previous" ]; then
                    { cat "$previous"; printf '\0'; cat "$f"; } > "$dir/$(basename "$previous" .txt)+$(basename "$f")"
                fi
                previous=$f
            done ;;
        votes_csv)
            for f in tests/fixtures/votes/*.csv tests/fixtures/votes/hostile/*.csv; do
                head -c 16384 "$f" > "$dir/$(basename "$f")"
            done ;;
        docx)
            # Word XML parts (body, NUL, numbering, NUL, footnotes) made by the tests' own
            # shapes: a numbered paragraph, a footnote, a tracked change.
            printf '%s' '<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Decides to </w:t></w:r><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:ins><w:r><w:t>act</w:t></w:r></w:ins><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:body></w:document>' > "$dir/body"
            printf '\0%s\0%s' '<w:numbering><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>' '<w:footnotes><w:footnote w:id="2"><w:p><w:r><w:t>A/77/1.</w:t></w:r></w:p></w:footnote></w:footnotes>' >> "$dir/body" ;;
        pdf_text)
            # Word boxes of the first pages of a few official PDFs, where pdftotext is here.
            if command -v pdftotext >/dev/null 2>&1; then
                for f in $(ls ../shared/pdf-en/*.pdf 2>/dev/null | head -5); do
                    pdftotext -bbox-layout -l 1 "$f" "$dir/$(basename "$f" .pdf).html" 2>/dev/null
                done
            fi ;;
        references|vote)
            for f in $files; do
                awk -v dir="$dir" -v base="$(basename "$f" .txt)" -v only="$target" '
                    BEGIN { RS = "" }
                    only == "vote" && !/票|[Vv]ote|弃权|[Aa]bstain/ { next }
                    length($0) < 4000 { print > (dir "/" base "_" NR); close(dir "/" base "_" NR) }
                ' "$f"
            done ;;
    esac
}

# The largest input each target is given: a whole resolution for the reader.
# FUZZ_MAX_LEN overrides it (smaller inputs run faster and mutate more often).
max_len() {
    if [ -n "${FUZZ_MAX_LEN:-}" ]; then echo "$FUZZ_MAX_LEN"; return; fi
    case $1 in
        read_bytes|diff|pdf_text) echo 131072 ;;
        *) echo 16384 ;;
    esac
}

failed=""
for target in $targets; do
    seed "$target"
    echo "== fuzzing $target for ${seconds}s"
    # -timeout: an input that takes more than 10 s is reported as a hang, not waited for.
    if ! fuzz run "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len "$target")" -print_final_stats=1; then
        failed="$failed $target"
    fi
done
if [ -n "$failed" ]; then
    echo "fuzzing found crashes in:$failed (inputs in fuzz/artifacts/)"
    exit 1
fi
echo "fuzzing found nothing in: $targets"
