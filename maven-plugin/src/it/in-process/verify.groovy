// -Dcontinuity.fork=false: the check runs in Maven's JVM and logs what the forked one logs
def log = new File(basedir, 'build.log').text
assert !log.contains('continuity: forking')
assert log =~ /(?m)^\[DEBUG\] timings: load \d+ ms \(3 resources\), derive \d+ ms, rules \d+ ms, report \d+ ms; JVM up \d+ ms$/
assert log.contains('Continuity check passed: 0 open findings')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/continuity/continuity-report.json'))
assert report.summary.failed == false
