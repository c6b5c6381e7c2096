# Shared by the packaging test scripts: arguments, results, and the options a program's --help lists.
# Usage in a script: source common.sh "$@"  (SOURCE_DIR BINARY_DIR VERSION SANITIZE [more])
export LC_ALL=C
SOURCE_DIR="$(cd "$1" && pwd)"
BINARY_DIR="$(cd "$2" && pwd)"
VERSION="$3"
SANITIZE="$4"
TEST_NAME="$(basename "$0")"
FAILURES=0

note() { printf '%s: %s\n' "$TEST_NAME" "$*"; }
fail() {
    printf '%s: FAIL: %s\n' "$TEST_NAME" "$*"
    FAILURES=$((FAILURES + 1))
}
# ctest reports exit code 77 as "Skipped" (SKIP_RETURN_CODE).
skip() {
    printf '%s: SKIPPED: %s\n' "$TEST_NAME" "$*"
    exit 77
}
finish() {
    if [ "$FAILURES" -gt 0 ]; then
        note "$FAILURES check(s) failed"
        exit 1
    fi
    note "all checks passed"
    exit 0
}
skip_in_sanitizer_build() {
    case "$SANITIZE" in
        1 | ON | on | TRUE | true)
            skip "runs in the normal build only; the AddressSanitizer build adds nothing to what it checks" ;;
    esac
}
need_tools() {
    local t
    for t in "$@"; do
        command -v "$t" >/dev/null || fail "$t is not installed (scripts/dev deps installs it)"
    done
    [ "$FAILURES" -eq 0 ] || finish
}

# The option column of a help text: on each line that starts with spaces and a dash (descriptions and their
# continuation lines start with other characters), the text up to the first run of two spaces. This reads both
# QCommandLineParser's layout ("  --port <PORT>  Port") and a hand-written one ("  -X, --request METHOD  any").
option_column() { sed -nE 's/^ +(-[^ ].*)$/\1/p' | sed -E 's/ {2,}.*$//'; }
# Every -x and --xyz named there, one per line, sorted.
help_options() {
    option_column | grep -oE '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*' | sed -E 's/^[ ,]//' | sort -u
}
# The options among those that take a value: something other than option names follows them in the column.
help_valued_options() {
    option_column | while IFS= read -r column; do
        rest="$(sed -E 's/(^|[ ,]+)--?[A-Za-z0-9][A-Za-z0-9-]*//g; s/^[ ,]+//' <<<"$column")"
        [ -n "$rest" ] && grep -oE '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*' <<<"$column" | sed -E 's/^[ ,]//'
    done | sort -u
}
# The commands a help text lists in a "Commands:" section (the first word of each indented line), sorted.
help_commands() {
    sed -n '/^Commands:$/,/^$/p' | sed -nE 's/^ +([a-z][a-z0-9-]*)( .*)?$/\1/p' | sort -u
}
# Sorted words, one per line.
words_sorted() { tr -s ' \t\n' '\n' | sed '/^$/d' | sort -u; }
