# tests/cli/bounded.sh — sourced by CLI tests that must not hang or grow
# without bound:
#
#   bounded SECONDS MEGABYTES COMMAND...
#
# runs COMMAND under `timeout SECONDS` and, for a plain build, `ulimit -v`
# (virtual memory, in MiB), and says so on stdout when the time ran out.
# Under AddressSanitizer or valgrind ($GOUJI names them) the memory limit
# cannot apply (they reserve terabytes of address space) and the time
# limit is ten times longer.
bounded() {
	secs=$1
	mb=$2
	shift 2
	case "$GOUJI" in
	*asan*|*valgrind*)
		timeout $((secs * 10)) "$@"
		;;
	*)
		(ulimit -v $((mb * 1024)) && exec timeout "$secs" "$@")
		;;
	esac
	rc=$?
	[ "$rc" = 124 ] && echo "timed out after $secs s: $*"
	return $rc
}
