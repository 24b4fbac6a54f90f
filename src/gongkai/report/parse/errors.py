"""The one error a reader may raise: the input cannot be read at all."""


class UnreadableInput(Exception):
    """The input is not a report gongkai can read (exit code 2 in the CLI).

    The message is one clear Chinese sentence for the user: what is wrong and, where it helps,
    what to do (e.g. "扫描件没有文字层，需要先进行 OCR 识别").
    """
