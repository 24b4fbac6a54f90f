"""Views of 依申请公开. Each obtains its objects through .permissions first."""
