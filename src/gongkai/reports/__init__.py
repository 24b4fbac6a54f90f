"""Annual reports (政府信息公开工作年度报告): the library of uploaded reports, their checks and
corrections. The report itself is the pure core in ``gongkai.report``; this app stores it."""
