def log = new File(basedir, 'build.log').text
assert log.contains('Continuity check passed: 0 open findings')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/continuity/continuity-report.json'))
assert report.schemaVersion == 1
assert report.summary.failed == false
assert report.inventory.resources == 3
assert report.asOf == '2026-11-22'
// the analysis cache's default place (issue 15): in target/, so mvn clean removes it
assert new File(basedir, 'target/continuity.cache').isFile()
// the timings are a debug line (see debug-timings): not in a plain build's log
assert !log.contains('timings:')
