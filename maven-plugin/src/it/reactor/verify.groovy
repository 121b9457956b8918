def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder') || log.contains('MultiThreaded')
assert log.findAll('Continuity check passed: 0 open findings').size() == 3
for (m in ['module-a', 'module-b']) {
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, m + '/target/continuity/continuity-report.json'))
    assert report.summary.failed == false
}
// fork=auto: three projects check an inventory, so the check runs in Maven's JVM, where they share the rule base
assert !log.contains('continuity: forking')
