// rules.md v2 "Where a finding points", in the Maven log and in SARIF; the plugin's writeBaseline
def log = new File(basedir, 'build.log').text
// paths in the log are relative to the top of the source tree: the git work tree, else the reactor root (interfaces.md v2)
def top = basedir.toPath().toAbsolutePath().normalize()
for (def p = top; p != null; p = p.parent) { if (p.resolve('.git').toFile().exists()) { top = p; break } }
def at = top.relativize(basedir.toPath().resolve('../../../../samples/northwind/continuity').toAbsolutePath().normalize()).toString().replace('\\', '/')
at = at + '/'

assert log.contains("[WARNING] ${at}services.yaml:49:29: GEO-003 critical billing:")
assert log.contains("[WARNING] ${at}services.yaml:45:1: SVC-002 high billing:")
assert log.contains("[WARNING] ${at}data.yaml:30:5: DAT-007 medium billing-db:")
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/continuity/continuity-report.sarif'))
def geo = sarif.runs[0].results.find { it.ruleId == 'GEO-003' }
assert geo.locations[0].physicalLocation.region.startLine == 49
assert geo.locations[0].physicalLocation.region.startColumn == 29
def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/continuity-baseline.json'))
assert baseline.findings.size() == 25
assert log.contains('Wrote 25 findings to the baseline')
// every result's uri resolves to a file from the top of the source tree, through %SRCROOT%
for (r in sarif.runs[0].results) {
    def loc = r.locations[0].physicalLocation.artifactLocation
    assert loc.uriBaseId == '%SRCROOT%'
    assert new File(top.toFile(), java.net.URLDecoder.decode(loc.uri, 'UTF-8')).isFile()
}
assert sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri == top.toUri().toString()
