def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] continuity/inventory.yaml:17:1: SEC-002 medium shop:')
// skipped rules give no finding, and the log says they were skipped
assert !log.contains(': GEO-001 ')
assert log.contains('[INFO] checked: skipped GEO-001 by command line')
assert log.contains('Continuity check passed: ')
assert new File(basedir, 'target/continuity/continuity-report.txt').text.contains('SEC-002')
