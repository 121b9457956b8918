def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] continuity/inventory.yaml:17: SEC-002 medium shop:')
assert !log.contains('GEO-001')
assert log.contains('Continuity check passed: ')
assert new File(basedir, 'target/continuity/continuity-report.txt').text.contains('SEC-002')
