"""行政复议、行政诉讼: reconsideration and litigation cases about disclosure (report part 四)."""
