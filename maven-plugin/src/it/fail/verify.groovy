def log = new File(basedir, 'build.log').text
// paths in the log are relative to the top of the source tree: the git work tree, else the reactor root (interfaces.md v2)
def top = basedir.toPath().toAbsolutePath().normalize()
for (def p = top; p != null; p = p.parent) { if (p.resolve('.git').toFile().exists()) { top = p; break } }
def at = top.relativize(basedir.toPath().toAbsolutePath().normalize()).toString().replace('\\', '/')
at = at.isEmpty() ? '' : at + '/'
// one line per finding, at the severity's log level, with file:line:column (GEO-001 points at the sites of the service)
assert log.contains("[ERROR] ${at}continuity/inventory.yaml:20:1: GEO-001 critical shop: critical service shop can only run at office")
assert log.contains("[ERROR] ${at}continuity/inventory.yaml:7:1: NET-001 critical office:")
assert log.contains("[ERROR] ${at}continuity/inventory.yaml:17:1: SEC-002 medium shop:")
assert log.contains('Continuity check failed: ')
assert log.contains('Report: ')
assert log.contains('-Dcontinuity.failOn=critical|high|medium|never')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/continuity/continuity-report.json'))
assert report.summary.failed == true
assert report.findings.find { it.rule == 'GEO-001' && it.subject == 'shop' }
