def log = new File(basedir, 'build.log').text
assert log.contains('Skipping the continuity check')
assert !new File(basedir, 'target/continuity').exists()
