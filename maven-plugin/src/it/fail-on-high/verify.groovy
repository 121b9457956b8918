def log = new File(basedir, 'build.log').text
// paths in the log are relative to the top of the source tree: the git work tree, else the reactor root (interfaces.md v2)
def top = basedir.toPath().toAbsolutePath().normalize()
for (def p = top; p != null; p = p.parent) { if (p.resolve('.git').toFile().exists()) { top = p; break } }
def at = top.relativize(basedir.toPath().toAbsolutePath().normalize()).toString().replace('\\', '/')
at = at.isEmpty() ? '' : at + '/'
assert log.contains("[WARNING] ${at}continuity/inventory.yaml:17:1: SEC-002 medium shop:")
// skipped rules give no finding, and the log says they were skipped
assert !log.contains(': GEO-001 ')
assert log.contains('[INFO] checked: skipped GEO-001 by command line')
assert log.contains('Continuity check passed: ')
assert new File(basedir, 'target/continuity/continuity-report.txt').text.contains('SEC-002')
