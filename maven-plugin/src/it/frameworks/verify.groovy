// <frameworks>soc2</frameworks>: only SOC 2-mapped rules run, and the report carries the coverage
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] checked: framework soc2: ')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/continuity/continuity-report.json'))
assert report.frameworks == ['soc2']
assert report.coverage.size() > 0
assert report.coverage.every { it.requirement.startsWith('SOC2 ') && it.state in ['pass', 'fail', 'waived'] }
assert report.findings.every { f -> f.rule.startsWith('WVR-') || f.controls.any { it.startsWith('SOC2 ') } }
