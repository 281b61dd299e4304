namespace Rapport.Hub.Accounts;

/// <summary>The orders a user list offers; <see cref="Created"/> is when the hub first imported the user.</summary>
public enum UserSort
{
    Name,
    Email,
    Created,
}
