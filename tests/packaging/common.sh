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

# The options in a QCommandLineParser help text: every -x and --xyz in the option column of the lines that
# start with two spaces and a dash (descriptions start further right), one per line, sorted.
help_options() {
    sed -nE 's/^  (-[^ ].*)$/\1/p' | sed -E 's/ {2,}.*$//' | grep -oE '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*' |
        sed -E 's/^[ ,]//' | sort -u
}
# The options among those that take a value (a <placeholder> follows them).
help_valued_options() {
    sed -nE 's/^  (-[^ ].*)$/\1/p' | sed -E 's/ {2,}.*$//' | grep '<' |
        grep -oE '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*' | sed -E 's/^[ ,]//' | sort -u
}
# Sorted words, one per line.
words_sorted() { tr -s ' \t\n' '\n' | sed '/^$/d' | sort -u; }
