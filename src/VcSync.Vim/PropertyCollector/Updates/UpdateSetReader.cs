using VcSync.Vim.Xml;
using VcSync.Vim.Faults;
using VcSync.Vim.Soap;
using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>
/// Reads a <c>WaitForUpdatesExResponse</c> one <c>ObjectUpdate</c> at a time, as the pager reads pages: each step parses
/// what is buffered up to the next object, so the response is never held as text or DOM.
/// </summary>
internal sealed class UpdateSetReader
{
    private readonly XmlNames _names;
    private readonly ValueDecoder _decoder;
    private readonly Dictionary<string, PropertyValueFilter>? _filters;
    private readonly bool _skipValues;
    private State _state;

    public UpdateSetReader(XmlNames names, ValueDecoder decoder, IReadOnlyList<PropertyValueFilter>? filters = null, bool skipValues = false)
    {
        _names = names;
        _decoder = decoder;
        _skipValues = skipValues;
        if (filters is { Count: > 0 })
        {
            _filters = new Dictionary<string, PropertyValueFilter>(StringComparer.Ordinal);
            foreach (var filter in filters)
            {
                _filters[filter.Path] = filter;
            }
        }
    }

    private enum State
    {
        Start,
        InResponse,
        InUpdateSet,
        InFilterUpdate,
        Done,
    }

    /// <summary>Whether a <c>returnval</c> came (none: nothing changed before <c>maxWaitSeconds</c>).</summary>
    public bool HasResult { get; private set; }

    /// <summary>The set's version, once read.</summary>
    public string? Version { get; private set; }

    /// <summary>Whether the set said <c>truncated</c>.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Reads up to the next object update, or to the end of the response (null).</summary>
    public ObjectUpdate? Next(VimXmlReader r)
    {
        if (_state == State.Start)
        {
            if (r.IsEmptyElement)
            {
                r.Read();
                _state = State.Done;
                return null;
            }

            r.Read();
            _state = State.InResponse;
        }

        while (_state != State.Done)
        {
            var type = r.MoveToContent();
            if (type == XmlNodeKind.None)
            {
                throw new VimProtocolException("The response ended inside an UpdateSet.", transient: true);
            }

            if (type == XmlNodeKind.EndElement)
            {
                r.Read();
                _state = _state switch
                {
                    State.InFilterUpdate => State.InUpdateSet,
                    State.InUpdateSet => State.InResponse,
                    _ => State.Done,
                };
                continue;
            }

            var name = r.LocalName;
            switch (_state)
            {
                case State.InResponse when ReferenceEquals(name, _names.ReturnVal):
                    HasResult = true;
                    Enter(r, State.InUpdateSet);
                    break;
                case State.InUpdateSet when name == "version":
                    Version = _decoder.ReadElementText(r);
                    break;
                case State.InUpdateSet when name == "truncated":
                    Truncated = string.Equals(_decoder.ReadElementText(r).Trim(), "true", StringComparison.Ordinal);
                    break;
                case State.InUpdateSet when name == "filterSet":
                    Enter(r, State.InFilterUpdate);
                    break;
                case State.InFilterUpdate when name == "objectSet":
                    return ReadObjectUpdate(r);
                default:
                    r.Skip();
                    break;
            }
        }

        return null;
    }

    private void Enter(VimXmlReader r, State inside)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return;
        }

        r.Read();
        _state = inside;
    }

    private ObjectUpdate ReadObjectUpdate(VimXmlReader r)
    {
        string? kind = null;
        ManagedObjectReference? obj = null;
        var changes = new List<PropertyChange>();
        List<MissingProperty>? missing = null;
        ForEachChild(r, "ObjectUpdate", (child, name) =>
        {
            if (name == "kind")
            {
                kind = _decoder.ReadElementText(child);
            }
            else if (ReferenceEquals(name, _names.Obj))
            {
                obj = _decoder.ReadManagedObjectReference(child);
            }
            else if (name == "changeSet")
            {
                changes.Add(ReadChange(child));
            }
            else if (ReferenceEquals(name, _names.MissingSet))
            {
                (missing ??= []).Add(ReadMissing(child));
            }
            else
            {
                child.Skip();
            }
        });
        if (obj is null)
        {
            throw new VimProtocolException("An ObjectUpdate has no obj.");
        }

        var parsedKind = kind switch
        {
            "enter" => ObjectUpdateKind.Enter,
            "leave" => ObjectUpdateKind.Leave,
            "modify" => ObjectUpdateKind.Modify,
            _ => throw new VimProtocolException($"An ObjectUpdate of {obj} has an unknown kind '{kind}'."),
        };
        return new ObjectUpdate(parsedKind, obj, changes, missing is null ? [] : missing);
    }

    private PropertyChange ReadChange(VimXmlReader r)
    {
        string? path = null;
        string? op = null;
        object? value = null;
        ForEachChild(r, "PropertyChange", (child, name) =>
        {
            if (ReferenceEquals(name, _names.Name))
            {
                path = _decoder.ReadElementAtom(child);
            }
            else if (name == "op")
            {
                op = _decoder.ReadElementText(child);
            }
            else if (ReferenceEquals(name, _names.Val) && _skipValues)
            {
                child.Skip();
            }
            else if (ReferenceEquals(name, _names.Val))
            {
                // The name comes first on the wire (PropertyChange: name, op, val), so its filter is known here.
                var isNil = false;
                value = path is not null && _filters is not null && _filters.TryGetValue(path, out var filter)
                    ? _decoder.ReadFilteredValue(child, filter, out isNil)
                    : _decoder.ReadValue(child, null, out isNil);
                if (isNil)
                {
                    value = null;
                }
            }
            else
            {
                child.Skip();
            }
        });
        var parsedOp = op switch
        {
            "assign" => PropertyChangeOp.Assign,
            "add" => PropertyChangeOp.Add,
            "remove" => PropertyChangeOp.Remove,
            "indirectRemove" => PropertyChangeOp.IndirectRemove,
            _ => throw new VimProtocolException($"A PropertyChange of '{path}' has an unknown op '{op}'."),
        };
        return new PropertyChange(path ?? throw new VimProtocolException("A PropertyChange has no name."), parsedOp, value);
    }

    private MissingProperty ReadMissing(VimXmlReader r)
    {
        var missing = _decoder.ReadValue(r, "MissingProperty", out _) as DataObject;
        var fault = missing?["fault"] as DataObject;
        var inner = fault?["fault"] as DataObject;
        var faultType = inner is { TypeName.Length: > 0 } ? inner.TypeName : "MethodFault";
        return new MissingProperty(missing?["path"] as string ?? string.Empty, faultType, fault?["localizedMessage"] as string);
    }

    private static void ForEachChild(VimXmlReader r, string what, Action<VimXmlReader, string> onChild)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return;
        }

        r.Read();
        while (true)
        {
            switch (r.MoveToContent())
            {
                case XmlNodeKind.Element:
                    onChild(r, r.LocalName);
                    break;
                case XmlNodeKind.EndElement:
                    r.Read();
                    return;
                case XmlNodeKind.None:
                    throw new VimProtocolException($"The response ended inside a {what}.", transient: true);
                default:
                    r.Read();
                    break;
            }
        }
    }
}
