// rules.md v2 "Where a finding points", in the Maven log and in SARIF; the plugin's writeBaseline
def log = new File(basedir, 'build.log').text
def at = '../../../../samples/northwind/continuity/'
assert log.contains("[WARNING] ${at}services.yaml:49:29: GEO-003 critical billing:")
assert log.contains("[WARNING] ${at}services.yaml:45:1: SVC-002 high billing:")
assert log.contains("[WARNING] ${at}data.yaml:30:5: DAT-007 medium billing-db:")
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/continuity/continuity-report.sarif'))
def geo = sarif.runs[0].results.find { it.ruleId == 'GEO-003' }
assert geo.locations[0].physicalLocation.region.startLine == 49
assert geo.locations[0].physicalLocation.region.startColumn == 29
def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/continuity-baseline.json'))
assert baseline.findings.size() == 19
assert log.contains('Wrote 19 findings to the baseline')
