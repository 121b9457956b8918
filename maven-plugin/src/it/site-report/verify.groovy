// mvn site includes the continuity report, linked from the site's reports
def report = new File(basedir, 'target/site/continuity-report.html')
assert report.isFile()
assert report.text.contains('Continuity report: IT test')
def index = new File(basedir, 'target/site/project-reports.html')
assert index.isFile() && index.text.contains('continuity-report.html')
