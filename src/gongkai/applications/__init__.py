"""依申请公开: applications for government information, their events, decisions and notices.

Store events, derive the rest: state comes from the transition table (:mod:`.lifecycle`),
deadlines from :func:`gongkai.law.deadlines.compute_clocks`, part 三 of the annual report from
the closing events (:mod:`.services.statistics`).
"""
