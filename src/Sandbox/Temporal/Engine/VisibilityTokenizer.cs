namespace RolloutWorkflows.Sandbox.Temporal.Engine;

using System.Text;

/// <summary>Splits a visibility query (SQL-like list filter) into tokens.</summary>
internal static class VisibilityTokenizer
{
    public static List<VisibilityToken> Tokenize(string query)
    {
        var tokens = new List<VisibilityToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new VisibilityToken(VisibilityTokenKind.Symbol, c.ToString()));
                i++;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < query.Length ? query.Substring(i, 2) : "";
                var op = two is "!=" or "<>" or ">=" or "<=" ? two : c.ToString();
                if (op == "!")
                {
                    throw Invalid(query, $"unexpected '!' at position {i}");
                }

                tokens.Add(new VisibilityToken(VisibilityTokenKind.Operator, op == "<>" ? "!=" : op));
                i += op.Length;
            }
            else if (c is '\'' or '"')
            {
                i = ReadString(query, i, tokens);
            }
            else if (c == '`')
            {
                var end = query.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw Invalid(query, "unterminated back-quoted name");
                }

                tokens.Add(new VisibilityToken(VisibilityTokenKind.Word, query[(i + 1)..end]));
                i = end + 1;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '-' or '.')
            {
                var start = i;
                while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] is '_' or '-' or '.' or ':'))
                {
                    i++;
                }

                tokens.Add(new VisibilityToken(VisibilityTokenKind.Word, query[start..i]));
            }
            else
            {
                throw Invalid(query, $"unexpected '{c}' at position {i}");
            }
        }

        return tokens;
    }

    public static Grpc.Core.RpcException Invalid(string query, string problem) =>
        RpcErrors.InvalidArgument($"invalid query \"{query}\": {problem}. Supported: field = | != | > | >= | < | <= value, IN (...), AND, OR, NOT, parentheses, ORDER BY field [ASC|DESC].");

    private static int ReadString(string query, int start, List<VisibilityToken> tokens)
    {
        var quote = query[start];
        var text = new StringBuilder();
        var i = start + 1;
        while (i < query.Length)
        {
            if (query[i] == '\\' && i + 1 < query.Length)
            {
                text.Append(query[i + 1]);
                i += 2;
            }
            else if (query[i] == quote)
            {
                tokens.Add(new VisibilityToken(VisibilityTokenKind.String, text.ToString()));
                return i + 1;
            }
            else
            {
                text.Append(query[i]);
                i++;
            }
        }

        throw Invalid(query, "unterminated string");
    }
}
