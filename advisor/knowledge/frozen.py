"""A read-only dict: the loaded knowledge is shared by every conversation and never changes.

Unlike `types.MappingProxyType` it can be pickled, so the built engine can be cached.

>>> d = FrozenDict({"a": 1})
>>> d["a"], dict(d)
(1, {'a': 1})
>>> d["b"] = 2
Traceback (most recent call last):
TypeError: the loaded knowledge is read-only
"""

from __future__ import annotations

from typing import Any, NoReturn, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(dict[K, V]):
    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("the loaded knowledge is read-only")

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))
