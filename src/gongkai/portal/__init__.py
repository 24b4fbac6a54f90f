"""The public portal (/gk/): the agencies' 公开指南 and 公开目录, online applications (网络申请)
under 条例第二十九条、第三十一条, and tracking them with a number and a private code."""
