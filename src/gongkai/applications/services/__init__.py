"""The workflow of 依申请公开, calling the law engine (gongkai.law)."""
